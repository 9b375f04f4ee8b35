package dev.moat.testing;

/**
 * redis-server on a free loopback port, with or without {@code requirepass}, no persistence.
 * Protected mode stays at its default (on): clients on loopback are let in when no password is set.
 */
public final class RedisServers {
  private RedisServers() {}

  /** A Redis that answers anyone on loopback without a password. */
  public static LocalServer open() {
    LocalServer.Builder b = LocalServer.builder("redis-open");
    return b.command(base(b.port())).start();
  }

  /** A Redis that demands {@code password}. */
  public static LocalServer withPassword(String password) {
    LocalServer.Builder b = LocalServer.builder("redis-locked");
    String[] base = base(b.port());
    String[] cmd = java.util.Arrays.copyOf(base, base.length + 2);
    cmd[base.length] = "--requirepass";
    cmd[base.length + 1] = password;
    return b.command(cmd).start();
  }

  /**
   * Sends one command to {@code server} (test data set-up) and returns the first reply line.
   *
   * @throws java.io.UncheckedIOException when the server cannot be reached
   */
  public static String call(LocalServer server, String... args) {
    StringBuilder cmd = new StringBuilder("*").append(args.length).append("\r\n");
    for (String a : args) {
      byte[] b = a.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      cmd.append('$').append(b.length).append("\r\n").append(a).append("\r\n");
    }
    try (java.net.Socket s = new java.net.Socket(Ports.loopback(), server.port())) {
      s.setSoTimeout(5000);
      s.getOutputStream().write(cmd.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      java.io.BufferedReader r =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  s.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
      return String.valueOf(r.readLine());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The command line of a Redis on {@code port} of 127.0.0.1 without persistence (for servers a
   * test starts itself, e.g. in a network namespace).
   */
  public static String[] commandLine(int port) {
    return base(port);
  }

  private static String[] base(int port) {
    require();
    return new String[] {
      "redis-server",
      "--port",
      String.valueOf(port),
      "--bind",
      Ports.LOOPBACK,
      "--save",
      "",
      "--appendonly",
      "no"
    };
  }

  private static void require() {
    if (!LocalServer.installed("redis-server")) {
      throw new IllegalStateException(
          "redis-server is not installed (Debian package redis-server)");
    }
  }
}
