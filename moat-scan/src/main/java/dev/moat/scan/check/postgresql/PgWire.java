package dev.moat.scan.check.postgresql;

import dev.moat.scan.check.Connection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few messages of the PostgreSQL v3 frontend/backend protocol the check needs: StartupMessage,
 * the authentication request, ParameterStatus, a simple Query with text results, Terminate. Message
 * lengths are checked against the connection's read cap before anything is allocated.
 */
final class PgWire {
  private final Connection c;

  PgWire(Connection c) {
    this.c = c;
  }

  /** A backend message: its type byte and payload. */
  @SuppressWarnings("ArrayRecordComponent") // internal, never shared
  record Message(char type, byte[] body) {}

  /** What the server answered to the StartupMessage. */
  sealed interface Startup {}

  /** AuthenticationOk: the user is in without a password. */
  record Ok(Map<String, String> parameters) implements Startup {}

  /** The server asked for a credential; {@code method} is the authentication request code. */
  record NeedsAuth(int method) implements Startup {}

  /** An ErrorResponse. */
  record Failed(String sqlState, String message) implements Startup {}

  Startup startup(String user, String database) throws IOException {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    p.writeBytes(new byte[] {0, 3, 0, 0}); // protocol 3.0
    for (String s : List.of("user", user, "database", database, "application_name", "moat-scan")) {
      p.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      p.write(0);
    }
    p.write(0);
    byte[] body = p.toByteArray();
    c.write(ByteBuffer.allocate(4 + body.length).putInt(4 + body.length).put(body).array());
    Map<String, String> params = new LinkedHashMap<>();
    boolean authenticated = false;
    while (true) {
      Message m = read();
      switch (m.type()) {
        case 'R' -> {
          int code = ByteBuffer.wrap(m.body()).getInt();
          if (code != 0) {
            return new NeedsAuth(code);
          }
          authenticated = true;
        }
        case 'E' -> {
          Map<Character, String> f = fields(m.body());
          return new Failed(f.getOrDefault('C', ""), f.getOrDefault('M', ""));
        }
        case 'S' -> {
          String[] kv = cstrings(m.body());
          if (kv.length >= 2) {
            params.put(kv[0], kv[1]);
          }
        }
        case 'Z' -> {
          if (authenticated) {
            return new Ok(params);
          }
          throw new IOException("ReadyForQuery before authentication");
        }
        default -> {
          // BackendKeyData, NoticeResponse: not needed
        }
      }
    }
  }

  /** Runs one simple query and returns its rows as text; an ErrorResponse becomes an exception. */
  List<List<String>> query(String sql) throws IOException {
    byte[] q = (sql + "\0").getBytes(StandardCharsets.UTF_8);
    c.write(ByteBuffer.allocate(5 + q.length).put((byte) 'Q').putInt(4 + q.length).put(q).array());
    List<List<String>> rows = new ArrayList<>();
    String error = null;
    while (true) {
      Message m = read();
      switch (m.type()) {
        case 'D' -> rows.add(dataRow(m.body()));
        case 'E' -> error = fields(m.body()).getOrDefault('M', "error");
        case 'Z' -> {
          if (error != null) {
            throw new IOException("query failed: " + error);
          }
          return rows;
        }
        default -> {
          // RowDescription, CommandComplete, notices
        }
      }
    }
  }

  void terminate() throws IOException {
    c.write(new byte[] {'X', 0, 0, 0, 4});
  }

  private Message read() throws IOException {
    char type = (char) c.readByte();
    int len = ByteBuffer.wrap(c.readExactly(4)).getInt();
    if (len < 4 || len - 4 > c.limits().readCap()) {
      throw new IOException("bad PostgreSQL message length " + len);
    }
    return new Message(type, c.readExactly(len - 4));
  }

  private static List<String> dataRow(byte[] b) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(b);
    int n = buf.getShort();
    List<String> row = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int len = buf.getInt();
      if (len < 0) {
        row.add("");
        continue;
      }
      if (len > buf.remaining()) {
        throw new IOException("bad DataRow");
      }
      byte[] v = new byte[len];
      buf.get(v);
      row.add(new String(v, StandardCharsets.UTF_8));
    }
    return row;
  }

  private static Map<Character, String> fields(byte[] b) {
    Map<Character, String> out = new LinkedHashMap<>();
    int i = 0;
    while (i < b.length && b[i] != 0) {
      char code = (char) b[i++];
      int end = i;
      while (end < b.length && b[end] != 0) {
        end++;
      }
      out.put(code, new String(b, i, end - i, StandardCharsets.UTF_8));
      i = end + 1;
    }
    return out;
  }

  private static String[] cstrings(byte[] b) {
    return new String(b, StandardCharsets.UTF_8).split("\0");
  }
}
