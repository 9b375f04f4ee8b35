package dev.moat.testing;

import java.nio.file.Path;

/**
 * An rsync daemon (Debian {@code rsync}) in the foreground on a free loopback port. Open: a module
 * {@code public} with no {@code auth users} beside a locked module {@code secure}. Locked: only
 * {@code secure}, which answers {@code @RSYNCD: AUTHREQD}.
 */
public final class RsyncServers {
  private RsyncServers() {}

  /** Modules {@code public} (no auth) and {@code secure} (auth users + secrets file). */
  public static LocalServer open() {
    return start(true);
  }

  /** Only the module {@code secure}. */
  public static LocalServer locked() {
    return start(false);
  }

  private static LocalServer start(boolean withPublic) {
    ServerFiles.require("rsync", "rsync");
    Path dir = ServerFiles.tempDir("rsyncd");
    ServerFiles.write(dir.resolve("pub/users.csv"), "name,mobile\n");
    ServerFiles.write(dir.resolve("sec/keys.txt"), "x\n");
    Path secrets =
        ServerFiles.chmod(ServerFiles.write(dir.resolve("secrets"), "moat:s3cret\n"), "rw-------");
    StringBuilder conf = new StringBuilder();
    conf.append("pid file = ").append(dir.resolve("rsyncd.pid")).append('\n');
    conf.append("use chroot = no\n");
    if (withPublic) {
      conf.append("[public]\n  path = ").append(dir.resolve("pub")).append('\n');
      conf.append("  comment = public data\n  read only = yes\n");
    }
    conf.append("[secure]\n  path = ").append(dir.resolve("sec")).append('\n');
    conf.append("  comment = backups\n  read only = yes\n  auth users = moat\n");
    conf.append("  secrets file = ").append(secrets).append('\n');
    Path cfg = ServerFiles.write(dir.resolve("rsyncd.conf"), conf.toString());
    LocalServer.Builder b = LocalServer.builder("rsyncd").workDir(dir);
    return b.command(
            "rsync",
            "--daemon",
            "--no-detach",
            "--config",
            cfg.toString(),
            "--address",
            Ports.LOOPBACK,
            "--port",
            Integer.toString(b.port()))
        .start();
  }
}
