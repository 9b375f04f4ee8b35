package dev.moat.testing;

import java.nio.file.Path;

/**
 * vsftpd (Debian {@code vsftpd}) in the foreground on a free loopback port with a temporary config,
 * run as root (as its packaging does) with {@code ftp} as the anonymous and unprivileged user.
 * Anonymous login is on or off; the anonymous root holds {@code pub/customers.csv}.
 */
public final class VsftpdServers {
  private VsftpdServers() {}

  /** {@code anonymous_enable=YES} or {@code NO}. */
  public static LocalServer start(boolean anonymous) {
    ServerFiles.require("vsftpd", "vsftpd");
    Path dir = ServerFiles.tempDir("vsftpd");
    Path root = dir.resolve("anon");
    ServerFiles.write(root.resolve("pub/customers.csv"), "name,mobile\n");
    ServerFiles.chmod(root, "r-xr-xr-x");
    Path empty = dir.resolve("empty");
    ServerFiles.write(empty.resolve(".keep"), "");
    LocalServer.Builder b = LocalServer.builder("vsftpd").workDir(dir);
    int pasv = Ports.free();
    Path conf =
        ServerFiles.write(
            dir.resolve("vsftpd.conf"),
            String.join(
                "\n",
                "listen=YES",
                "listen_ipv6=NO",
                "listen_address=" + Ports.LOOPBACK,
                "listen_port=" + b.port(),
                "anonymous_enable=" + (anonymous ? "YES" : "NO"),
                "anon_root=" + root,
                "local_enable=" + (anonymous ? "NO" : "YES"),
                "write_enable=NO",
                "pasv_enable=YES",
                "pasv_address=" + Ports.LOOPBACK,
                "pasv_min_port=" + pasv,
                "pasv_max_port=" + pasv,
                "secure_chroot_dir=" + empty,
                "background=NO",
                "seccomp_sandbox=NO",
                "xferlog_enable=NO",
                "vsftpd_log_file=" + dir.resolve("vsftpd.log"),
                "ftp_username=ftp",
                "nopriv_user=ftp",
                ""));
    return b.command("vsftpd", conf.toString()).start();
  }
}
