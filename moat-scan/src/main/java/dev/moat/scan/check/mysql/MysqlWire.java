package dev.moat.scan.check.mysql;

import dev.moat.scan.check.Connection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The MySQL client/server handshake, just far enough to try an empty password: read the greeting,
 * send a HandshakeResponse41 with an empty auth response, follow an AuthSwitchRequest with an empty
 * response again, and report OK or ERR. An empty password has an empty scramble in every plugin
 * (mysql_native_password, caching_sha2_password, ed25519 has none), so no crypto is needed. On a
 * session that got in, {@link #query} runs a text-protocol query.
 */
final class MysqlWire {
  private static final int CLIENT_LONG_PASSWORD = 1;
  private static final int CLIENT_PROTOCOL_41 = 0x200;
  private static final int CLIENT_SECURE_CONNECTION = 0x8000;
  private static final int CLIENT_PLUGIN_AUTH = 0x80000;

  private final Connection c;
  private int seq;

  MysqlWire(Connection c) {
    this.c = c;
  }

  /** The server's greeting. */
  record Greeting(String version, String plugin) {}

  /** The result of a login. */
  sealed interface Login {}

  /** OK packet: logged in. */
  record Ok() implements Login {}

  /** ERR packet. */
  record Err(int code, String message) implements Login {}

  /** Anything else (more data requested, e.g. full caching_sha2 authentication). */
  record Other(int first) implements Login {}

  /**
   * Reads the greeting; an ERR greeting (host blocked, too many connections) is returned as Err.
   */
  Object greeting() throws IOException {
    byte[] p = packet();
    if (p.length > 0 && (p[0] & 0xff) == 0xff) {
      return err(p);
    }
    if (p.length < 2 || p[0] != 10) {
      throw new IOException("not a MySQL protocol 10 greeting");
    }
    int i = 1;
    int end = indexOf(p, i);
    String version = new String(p, i, end - i, StandardCharsets.UTF_8);
    i = end + 1 + 4 + 8 + 1; // thread id, scramble part 1, filler
    String plugin = "mysql_native_password";
    if (p.length > i + 2 + 1 + 2 + 2 + 1 + 10) {
      int capsLow = (p[i] & 0xff) | (p[i + 1] & 0xff) << 8;
      int capsHigh = (p[i + 5] & 0xff) | (p[i + 6] & 0xff) << 8;
      int caps = capsLow | capsHigh << 16;
      int authLen = p[i + 7] & 0xff;
      i += 2 + 1 + 2 + 2 + 1 + 10;
      if ((caps & CLIENT_SECURE_CONNECTION) != 0) {
        i += Math.max(13, authLen - 8);
      }
      if ((caps & CLIENT_PLUGIN_AUTH) != 0 && i < p.length) {
        int pend = indexOf(p, i);
        plugin = new String(p, i, pend - i, StandardCharsets.UTF_8);
      }
    }
    return new Greeting(version, plugin);
  }

  /** Logs in as {@code user} with an empty password. */
  Login login(String user, String plugin) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int caps =
        CLIENT_LONG_PASSWORD | CLIENT_PROTOCOL_41 | CLIENT_SECURE_CONNECTION | CLIENT_PLUGIN_AUTH;
    int32(out, caps);
    int32(out, 1 << 24); // max packet
    out.write(45); // utf8mb4
    out.writeBytes(new byte[23]);
    out.writeBytes(user.getBytes(StandardCharsets.UTF_8));
    out.write(0);
    out.write(0); // auth response length: empty password
    out.writeBytes(plugin.getBytes(StandardCharsets.UTF_8));
    out.write(0);
    send(out.toByteArray());
    for (int round = 0; round < 3; round++) {
      byte[] p = packet();
      if (p.length == 0) {
        return new Other(-1);
      }
      int first = p[0] & 0xff;
      switch (first) {
        case 0x00 -> {
          return new Ok();
        }
        case 0xff -> {
          return err(p);
        }
        case 0xfe -> send(new byte[0]); // AuthSwitchRequest: empty password again
        default -> {
          return new Other(first);
        }
      }
    }
    return new Other(-1);
  }

  /**
   * Runs {@code sql} (COM_QUERY, text protocol) on the logged-in session and returns its rows, each
   * value as text or null; an ERR becomes an exception. The caller bounds the rows (LIMIT): every
   * packet is held to the read cap, not the result as a whole.
   */
  List<List<@Nullable String>> query(String sql) throws IOException {
    byte[] q = sql.getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[1 + q.length];
    payload[0] = 0x03; // COM_QUERY
    System.arraycopy(q, 0, payload, 1, q.length);
    seq = -1; // a command starts a new sequence
    send(payload);
    byte[] p = packet();
    if (p.length == 0 || (p[0] & 0xff) == 0xff) {
      throw queryFailed(p);
    }
    if (p[0] == 0x00) {
      return List.of(); // OK: a statement without rows
    }
    int[] at = {0};
    long columns = lenenc(p, at);
    for (long i = 0; i < columns; i++) {
      packet(); // column definitions: the caller knows its columns
    }
    packet(); // EOF after the column definitions (CLIENT_DEPRECATE_EOF is not asked for)
    List<List<@Nullable String>> rows = new ArrayList<>();
    while (true) {
      p = packet();
      int first = p.length == 0 ? -1 : p[0] & 0xff;
      if (first == 0xfe && p.length < 9) {
        return rows; // EOF
      }
      if (first == 0xff) {
        throw queryFailed(p);
      }
      List<@Nullable String> row = new ArrayList<>();
      at[0] = 0;
      for (long i = 0; i < columns; i++) {
        if (at[0] >= p.length) {
          throw new IOException("MySQL row shorter than its columns");
        }
        if ((p[at[0]] & 0xff) == 0xfb) {
          at[0]++;
          row.add(null);
        } else {
          long len = lenenc(p, at);
          if (len < 0 || len > p.length - at[0]) {
            throw new IOException("MySQL value longer than its row");
          }
          row.add(new String(p, at[0], (int) len, StandardCharsets.UTF_8));
          at[0] += (int) len;
        }
      }
      rows.add(row);
    }
  }

  private static IOException queryFailed(byte[] errPacket) {
    Err e = err(errPacket);
    return new IOException("query failed: " + e.code() + " " + e.message());
  }

  /** A length-encoded integer at {@code at[0]}, which moves past it. */
  private static long lenenc(byte[] p, int[] at) throws IOException {
    if (at[0] >= p.length) {
      throw new IOException("MySQL packet too short");
    }
    int first = p[at[0]++] & 0xff;
    int bytes =
        switch (first) {
          case 0xfc -> 2;
          case 0xfd -> 3;
          case 0xfe -> 8;
          default -> 0;
        };
    if (bytes == 0) {
      return first;
    }
    if (at[0] + bytes > p.length) {
      throw new IOException("MySQL packet too short");
    }
    long v = 0;
    for (int i = 0; i < bytes; i++) {
      v |= (long) (p[at[0]++] & 0xff) << (8 * i);
    }
    return v;
  }

  private static Err err(byte[] p) {
    int code = p.length >= 3 ? (p[1] & 0xff) | (p[2] & 0xff) << 8 : 0;
    int msgStart = p.length > 3 && p[3] == '#' ? 9 : 3;
    String msg =
        msgStart < p.length
            ? new String(p, msgStart, p.length - msgStart, StandardCharsets.UTF_8)
            : "";
    return new Err(code, msg);
  }

  private void send(byte[] payload) throws IOException {
    byte[] frame = new byte[4 + payload.length];
    frame[0] = (byte) payload.length;
    frame[1] = (byte) (payload.length >> 8);
    frame[2] = (byte) (payload.length >> 16);
    seq++;
    frame[3] = (byte) seq;
    System.arraycopy(payload, 0, frame, 4, payload.length);
    c.write(frame);
  }

  private byte[] packet() throws IOException {
    byte[] h = c.readExactly(4);
    int len = (h[0] & 0xff) | (h[1] & 0xff) << 8 | (h[2] & 0xff) << 16;
    seq = h[3] & 0xff;
    if (len > c.limits().readCap()) {
      throw new IOException("MySQL packet of " + len + " bytes exceeds the read cap");
    }
    return c.readExactly(len);
  }

  private static void int32(ByteArrayOutputStream out, int v) {
    out.write(v);
    out.write(v >> 8);
    out.write(v >> 16);
    out.write(v >> 24);
  }

  private static int indexOf(byte[] p, int from) {
    for (int i = from; i < p.length; i++) {
      if (p[i] == 0) {
        return i;
      }
    }
    return p.length;
  }
}
