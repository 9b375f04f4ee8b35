package dev.moat.testing;

/** A private nats-server on a free loopback port, without authentication or with a token. */
public final class NatsServers {
  private NatsServers() {}

  /** No authentication. */
  public static LocalServer open() {
    LocalServer.Builder b = LocalServer.builder("nats-open");
    return b.command(base(b.port())).start();
  }

  /** Clients must present {@code token}. */
  public static LocalServer withToken(String token) {
    LocalServer.Builder b = LocalServer.builder("nats-token");
    String[] base = base(b.port());
    String[] cmd = java.util.Arrays.copyOf(base, base.length + 2);
    cmd[base.length] = "--auth";
    cmd[base.length + 1] = token;
    return b.command(cmd).start();
  }

  private static String[] base(int port) {
    if (!LocalServer.installed("nats-server")) {
      throw new IllegalStateException("nats-server is not installed (Debian package nats-server)");
    }
    return new String[] {"nats-server", "-a", Ports.LOOPBACK, "-p", String.valueOf(port)};
  }
}
