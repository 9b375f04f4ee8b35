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
 * A private PostgreSQL 15 cluster (initdb in a temporary directory) on a free loopback port, with
 * either {@code trust} or {@code scram-sha-256} authentication for TCP clients. Running as root,
 * initdb and postgres run as the {@code postgres} user through {@code runuser}, in a directory
 * owned by it.
 */
public final class PostgresServers {
  /** Where Debian installs the PostgreSQL 15 binaries. */
  public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

  /** The superuser's password of a scram cluster. */
  public static final String PASSWORD = "Moat-test-pg-9f3b";

  private PostgresServers() {}

  /** A cluster where any TCP client may log in as any user without a password. */
  public static LocalServer trust() {
    return start("trust");
  }

  /** A cluster that demands a SCRAM password ({@link #PASSWORD} for postgres). */
  public static LocalServer scram() {
    return start("scram-sha-256");
  }

  private static LocalServer start(String auth) {
    if (!Files.isExecutable(BIN.resolve("initdb"))) {
      throw new IllegalStateException(
          "PostgreSQL 15 is not installed (Debian package postgresql-15)");
    }
    try {
      Path dir = Files.createTempDirectory("moat-pg-");
      Path data = dir.resolve("data");
      Path pwfile = dir.resolve("pw");
      Files.writeString(pwfile, PASSWORD + "\n", StandardCharsets.UTF_8);
      boolean root = "root".equals(System.getProperty("user.name"));
      if (root) {
        run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
      }
      run(
          asPostgres(
              root,
              BIN.resolve("initdb").toString(),
              "-D",
              data.toString(),
              "-U",
              "postgres",
              "--auth-host=" + auth,
              "--auth-local=trust",
              "--pwfile=" + pwfile,
              "--no-sync",
              "-E",
              "UTF8",
              "--locale=C.UTF-8"));
      LocalServer.Builder b =
          LocalServer.builder("postgres-" + auth)
              .workDir(dir)
              .readyWhenLogged("database system is ready to accept connections");
      List<String> cmd =
          asPostgres(
              root,
              BIN.resolve("postgres").toString(),
              "-D",
              data.toString(),
              "-p",
              String.valueOf(b.port()),
              "-c",
              "listen_addresses=" + Ports.LOOPBACK,
              "-c",
              "unix_socket_directories=" + dir,
              "-c",
              "fsync=off",
              "-c",
              "shared_buffers=16MB");
      return b.command(cmd.toArray(String[]::new)).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a PostgreSQL cluster", e);
    }
  }

  private static List<String> asPostgres(boolean root, String... cmd) {
    List<String> out = new ArrayList<>();
    if (root) {
      out.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    out.addAll(List.of(cmd));
    return out;
  }

  private static void run(List<String> cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException("interrupted: " + cmd, e);
    }
  }
}
