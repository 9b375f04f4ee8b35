package dev.moat.testing;

import java.nio.file.Path;

/**
 * memcached (Debian {@code memcached}) on a free loopback port: open, or locked with ASCII
 * authentication ({@code -Y}), which answers {@code CLIENT_ERROR unauthenticated} before login.
 */
public final class MemcachedServers {
  private MemcachedServers() {}

  /** No authentication: {@code stats} answers anyone. */
  public static LocalServer open() {
    return start(null);
  }

  /** ASCII authentication with a token file: {@code stats} is refused until {@code user:pass}. */
  public static LocalServer locked() {
    Path dir = ServerFiles.tempDir("memcached-auth");
    Path auth =
        ServerFiles.chmod(
            ServerFiles.write(dir.resolve("auth"), "moat:s3cret-token\n"), "rw-------");
    return start(auth);
  }

  private static LocalServer start(@org.jspecify.annotations.Nullable Path authFile) {
    ServerFiles.require("memcached", "memcached");
    LocalServer.Builder b = LocalServer.builder("memcached");
    b.command(
        "memcached",
        "-l",
        Ports.LOOPBACK,
        "-p",
        Integer.toString(b.port()),
        "-U",
        "0",
        "-m",
        "8",
        "-u",
        "root");
    if (authFile != null) {
      b.command("-Y", authFile.toString());
    }
    return b.start();
  }
}
