package dev.moat.scan.check.ldap;

import dev.moat.scan.check.Connection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Just enough BER for LDAPv3 (RFC 4511) bind and search: definite lengths only, a cursor over one
 * received message. Written by hand instead of JNDI, which can deserialise objects sent by a
 * hostile server; lengths from the peer are bounded before anything is allocated.
 */
final class Ber {
  static final int MAX_MESSAGE = 1 << 20;

  private Ber() {}

  /** {@code tag length value}. */
  static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = value.length;
    if (n < 0x80) {
      out.write(n);
    } else if (n < 0x100) {
      out.write(0x81);
      out.write(n);
    } else if (n < 0x10000) {
      out.write(0x82);
      out.write(n >> 8);
      out.write(n & 0xff);
    } else {
      out.write(0x83);
      out.write(n >> 16);
      out.write((n >> 8) & 0xff);
      out.write(n & 0xff);
    }
    out.writeBytes(value);
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] integer(int tag, int v) {
    if (v >= 0 && v < 0x80) {
      return tlv(tag, new byte[] {(byte) v});
    }
    return tlv(tag, new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v});
  }

  static byte[] string(int tag, String s) {
    return tlv(tag, s.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads one complete LDAPMessage (a SEQUENCE) and returns its content. */
  static Reader readMessage(Connection c) throws IOException {
    int tag = c.readByte();
    if (tag != 0x30) {
      throw new IOException("not an LDAP message");
    }
    int len = readLength(c);
    return new Reader(c.readExactly(len));
  }

  private static int readLength(Connection c) throws IOException {
    int first = c.readByte();
    if (first < 0x80) {
      return first;
    }
    int bytes = first & 0x7f;
    if (bytes == 0 || bytes > 3) {
      throw new IOException("unsupported BER length");
    }
    int len = 0;
    for (int i = 0; i < bytes; i++) {
      len = (len << 8) | c.readByte();
    }
    if (len > MAX_MESSAGE) {
      throw new IOException("LDAP message longer than " + MAX_MESSAGE + " bytes");
    }
    return len;
  }

  /** A cursor over BER elements. */
  static final class Reader {
    private final byte[] b;
    private int pos;
    private final int end;

    Reader(byte[] b) {
      this(b, 0, b.length);
    }

    private Reader(byte[] b, int start, int end) {
      this.b = b;
      this.pos = start;
      this.end = end;
    }

    boolean hasMore() {
      return pos < end;
    }

    /** The tag of the next element, without consuming it. */
    int peekTag() throws IOException {
      if (pos >= end) {
        throw new IOException("truncated BER");
      }
      return b[pos] & 0xff;
    }

    /** The next element as a reader over its content. */
    Reader next() throws IOException {
      peekTag();
      pos++;
      if (pos >= end) {
        throw new IOException("truncated BER");
      }
      int first = b[pos++] & 0xff;
      int len;
      if (first < 0x80) {
        len = first;
      } else {
        int n = first & 0x7f;
        if (n == 0 || n > 3 || pos + n > end) {
          throw new IOException("bad BER length");
        }
        len = 0;
        for (int i = 0; i < n; i++) {
          len = (len << 8) | (b[pos++] & 0xff);
        }
      }
      if (len < 0 || pos + len > end) {
        throw new IOException("BER element overruns its message");
      }
      Reader r = new Reader(b, pos, pos + len);
      pos += len;
      return r;
    }

    int integer() throws IOException {
      Reader r = next();
      int v = 0;
      int n = r.end - r.pos;
      if (n == 0 || n > 4) {
        throw new IOException("bad BER integer");
      }
      for (int i = r.pos; i < r.end; i++) {
        v = (v << 8) | (b[i] & 0xff);
      }
      return v;
    }

    String string() throws IOException {
      Reader r = next();
      return new String(b, r.pos, r.end - r.pos, StandardCharsets.UTF_8);
    }

    byte[] bytes() {
      byte[] out = new byte[end - pos];
      System.arraycopy(b, pos, out, 0, out.length);
      return out;
    }
  }
}
