package dev.moat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private MariaDB server ({@code mariadb-install-db} in a temporary directory) on a free loopback
 * port. {@link #emptyRootPassword()} creates root with the {@code normal} method and no password;
 * {@link #stock()} keeps MariaDB's own default since 10.4: root authenticates through unix_socket
 * only, so a TCP login as root is refused. Both run as root with {@code --user=root} when the tests
 * do.
 */
public final class MariaDbServers {
  private MariaDbServers() {}

  /** root@localhost with an empty password, reachable over TCP from 127.0.0.1. */
  public static LocalServer emptyRootPassword() {
    return start("normal");
  }

  /** MariaDB's stock accounts: root via unix_socket only; anonymous users removed. */
  public static LocalServer stock() {
    return start("socket");
  }

  /** The socket of a server started here, for set-up statements as root. */
  public static Path socket(LocalServer server) {
    return server.workDir().resolve("mysqld.sock");
  }

  private static LocalServer start(String rootAuth) {
    if (!LocalServer.installed("mariadbd") || !LocalServer.installed("mariadb-install-db")) {
      throw new IllegalStateException("MariaDB is not installed (Debian package mariadb-server)");
    }
    try {
      Path dir = Files.createTempDirectory("moat-mariadb-");
      Path data = dir.resolve("data");
      List<String> install =
          new ArrayList<>(
              List.of(
                  "mariadb-install-db",
                  "--no-defaults",
                  "--datadir=" + data,
                  "--auth-root-authentication-method=" + rootAuth,
                  "--skip-test-db"));
      if ("root".equals(System.getProperty("user.name"))) {
        install.add("--user=root");
      }
      run(install);
      LocalServer.Builder b = LocalServer.builder("mariadb-" + rootAuth).workDir(dir);
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  "mariadbd",
                  "--no-defaults",
                  "--datadir=" + data,
                  "--port=" + b.port(),
                  "--bind-address=" + Ports.LOOPBACK,
                  "--socket=" + dir.resolve("mysqld.sock"),
                  "--pid-file=" + dir.resolve("mysqld.pid"),
                  "--skip-log-bin",
                  "--innodb-buffer-pool-size=16M"));
      if ("root".equals(System.getProperty("user.name"))) {
        cmd.add("--user=root");
      }
      return b.command(cmd.toArray(String[]::new)).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a MariaDB data directory", e);
    }
  }

  private static void run(List<String> cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException("interrupted: " + cmd, e);
    }
  }
}
