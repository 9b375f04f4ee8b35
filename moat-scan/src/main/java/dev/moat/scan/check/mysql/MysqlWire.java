package dev.moat.scan.check.mysql;

import dev.moat.scan.check.Connection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The MySQL client/server handshake, just far enough to try an empty password: read the greeting,
 * send a HandshakeResponse41 with an empty auth response, follow an AuthSwitchRequest with an empty
 * response again, and report OK or ERR. An empty password has an empty scramble in every plugin
 * (mysql_native_password, caching_sha2_password, ed25519 has none), so no crypto is needed.
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
