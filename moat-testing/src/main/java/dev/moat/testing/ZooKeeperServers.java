package dev.moat.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A standalone ZooKeeper (Debian {@code zookeeper}, run with the system Java) on a free loopback
 * port. The 4lw whitelist is configurable ({@code srvr} is the default since 3.5.3); {@link
 * #lockRoot} puts a digest ACL on {@code /}, after which anonymous {@code getChildren} gets NoAuth.
 */
public final class ZooKeeperServers {
  private static final String CLASSPATH = "/etc/zookeeper/conf:/usr/share/java/zookeeper.jar";

  private ZooKeeperServers() {}

  /** Starts ZooKeeper with {@code 4lw.commands.whitelist=<whitelist>}. */
  public static LocalServer start(String whitelist) {
    if (!java.nio.file.Files.exists(Path.of("/usr/share/java/zookeeper.jar"))) {
      throw new IllegalStateException(
          "/usr/share/java/zookeeper.jar not found: install the Debian package zookeeper");
    }
    Path dir = ServerFiles.tempDir("zookeeper");
    LocalServer.Builder b = LocalServer.builder("zookeeper").workDir(dir);
    Path cfg =
        ServerFiles.write(
            dir.resolve("zoo.cfg"),
            String.join(
                "\n",
                "tickTime=2000",
                "dataDir=" + dir.resolve("data"),
                "clientPort=" + b.port(),
                "clientPortAddress=" + Ports.LOOPBACK,
                "admin.enableServer=false",
                "4lw.commands.whitelist=" + whitelist,
                ""));
    return b.command(
            "java",
            "-Xmx128m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            CLASSPATH,
            "-Dzookeeper.log.dir=" + dir,
            "org.apache.zookeeper.server.ZooKeeperServerMain",
            cfg.toString())
        .startTimeout(Duration.ofSeconds(60))
        .start();
  }

  /** Runs one {@code zkCli} command (test setup only, e.g. {@code create /x data}). */
  public static String cli(LocalServer zk, String... command) {
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                "java",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                CLASSPATH,
                "org.apache.zookeeper.ZooKeeperMain",
                "-server",
                Ports.LOOPBACK + ":" + zk.port()));
    cmd.addAll(List.of(command));
    return ServerFiles.run(Duration.ofSeconds(60), cmd);
  }

  /** Puts {@code digest:user:…:cdrwa} on {@code /}: anonymous clients can no longer list it. */
  public static void lockRoot(LocalServer zk, String user, String password) {
    try {
      byte[] sha =
          MessageDigest.getInstance("SHA-1")
              .digest((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      String id = user + ":" + Base64.getEncoder().encodeToString(sha);
      cli(zk, "setAcl", "/", "digest:" + id + ":cdrwa");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
