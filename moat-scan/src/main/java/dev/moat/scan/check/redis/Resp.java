package dev.moat.scan.check.redis;

import dev.moat.scan.check.Connection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny RESP2 client over a {@link Connection}: sends a command as an array of bulk strings and
 * reads one reply. Replies are {@code String} (simple and bulk strings), {@link RespError}, {@code
 * Long}, {@code List<Object>} or {@code null} (nil). Bulk strings and arrays are size-checked
 * before any allocation, so a lying peer cannot make the scanner allocate more than the read cap.
 */
final class Resp {
  private static final int MAX_LINE = 64 * 1024;
  private static final int MAX_ARRAY = 10_000;

  private final Connection c;

  Resp(Connection c) {
    this.c = c;
  }

  /** A {@code -ERR …} reply. */
  record RespError(String message) {}

  /** Sends {@code args} as one command and returns its reply. */
  Object call(String... args) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "*" + args.length + "\r\n");
    for (String a : args) {
      byte[] b = a.getBytes(StandardCharsets.UTF_8);
      write(out, "$" + b.length + "\r\n");
      out.write(b);
      write(out, "\r\n");
    }
    c.write(out.toByteArray());
    return read(0);
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  private Object read(int depth) throws IOException {
    if (depth > 8) {
      throw new IOException("RESP reply nested too deep");
    }
    String line = c.readLine(MAX_LINE);
    if (line.isEmpty()) {
      throw new IOException("empty RESP line");
    }
    String rest = line.substring(1);
    return switch (line.charAt(0)) {
      case '+' -> rest;
      case '-' -> new RespError(rest);
      case ':' -> parse(rest);
      case '$' -> bulk(parse(rest));
      case '*' -> array(parse(rest), depth);
      default -> throw new IOException("not a RESP reply");
    };
  }

  private Object bulk(long len) throws IOException {
    if (len < 0) {
      return nil();
    }
    if (len > c.limits().readCap()) {
      throw new IOException("RESP bulk of " + len + " bytes exceeds the read cap");
    }
    byte[] b = c.readExactly((int) len + 2);
    return new String(b, 0, (int) len, StandardCharsets.UTF_8);
  }

  private Object array(long n, int depth) throws IOException {
    if (n < 0) {
      return nil();
    }
    if (n > MAX_ARRAY) {
      throw new IOException("RESP array of " + n + " elements");
    }
    List<Object> items = new ArrayList<>((int) n);
    for (int i = 0; i < n; i++) {
      Object o = read(depth + 1);
      items.add(o == NIL ? "" : o);
    }
    return items;
  }

  /** The nil reply (a RESP null bulk string or array). */
  static final Object NIL = new Object();

  private static Object nil() {
    return NIL;
  }

  private static long parse(String s) throws IOException {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw new IOException("bad RESP number", e);
    }
  }
}
