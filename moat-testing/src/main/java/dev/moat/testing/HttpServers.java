package dev.moat.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * HTTP services from Debian packages on free loopback ports: nginx over a document root (autoindex
 * on or off, {@code .git}/{@code .svn} served or denied), {@code prometheus-node-exporter} (open or
 * with basic auth through {@code --web.config.file}) and {@code docker-registry} (open or
 * htpasswd). bcrypt hashes come from {@code htpasswd -B} (Debian {@code apache2-utils}).
 */
public final class HttpServers {
  private HttpServers() {}

  /**
   * nginx serving {@code docroot}.
   *
   * @param autoindex {@code autoindex on} for the whole site
   * @param denyVcs adds {@code location ~ /\.(git|svn) { deny all; }}
   */
  public static LocalServer nginx(Path docroot, boolean autoindex, boolean denyVcs) {
    ServerFiles.require("nginx", "nginx");
    Path dir = ServerFiles.tempDir("nginx");
    ServerFiles.write(dir.resolve("logs/.keep"), "");
    LocalServer.Builder b = LocalServer.builder("nginx").workDir(dir);
    String conf =
        String.join(
            "\n",
            "daemon off;",
            "master_process on;",
            "user root root;",
            "worker_processes 1;",
            "pid " + dir.resolve("nginx.pid") + ";",
            "error_log " + dir.resolve("error.log") + ";",
            "events { worker_connections 64; }",
            "http {",
            "  access_log off;",
            "  client_body_temp_path " + dir.resolve("tmp-body") + ";",
            "  proxy_temp_path " + dir.resolve("tmp-proxy") + ";",
            "  fastcgi_temp_path " + dir.resolve("tmp-fcgi") + ";",
            "  uwsgi_temp_path " + dir.resolve("tmp-uwsgi") + ";",
            "  scgi_temp_path " + dir.resolve("tmp-scgi") + ";",
            "  server {",
            "    listen " + Ports.LOOPBACK + ":" + b.port() + ";",
            "    root " + docroot.toAbsolutePath() + ";",
            "    autoindex " + (autoindex ? "on" : "off") + ";",
            denyVcs ? "    location ~ /\\.(git|svn) { deny all; }" : "",
            "  }",
            "}",
            "");
    Path file = ServerFiles.write(dir.resolve("nginx.conf"), conf);
    return b.command("nginx", "-p", dir.toString(), "-c", file.toString()).start();
  }

  /** A bcrypt htpasswd line {@code user:$2y$…} made by {@code htpasswd -nbB}. */
  public static String htpasswd(String user, String password) {
    ServerFiles.require("htpasswd", "apache2-utils");
    return ServerFiles.run(
            Duration.ofSeconds(20), List.of("htpasswd", "-nbBC", "5", user, password))
        .strip();
  }

  /** node-exporter with only a few cheap collectors; basic auth when {@code locked}. */
  public static LocalServer nodeExporter(boolean locked) {
    ServerFiles.require("prometheus-node-exporter", "prometheus-node-exporter");
    Path dir = ServerFiles.tempDir("node-exporter");
    LocalServer.Builder b = LocalServer.builder("node-exporter").workDir(dir);
    b.command(
        "prometheus-node-exporter",
        "--web.listen-address=" + Ports.LOOPBACK + ":" + b.port(),
        "--collector.disable-defaults",
        "--collector.uname",
        "--collector.loadavg");
    if (locked) {
      String hash = htpasswd("moat", "s3cret").split(":", 2)[1];
      Path web =
          ServerFiles.write(dir.resolve("web.yml"), "basic_auth_users:\n  moat: '" + hash + "'\n");
      b.command("--web.config.file=" + web);
    }
    return b.start();
  }

  /**
   * docker-registry (distribution 2.8) with filesystem storage holding one repository, {@code
   * crm/customer-db}; htpasswd auth when {@code locked}.
   */
  public static LocalServer dockerRegistry(boolean locked) {
    ServerFiles.require("docker-registry", "docker-registry");
    Path dir = ServerFiles.tempDir("docker-registry");
    Path repo = dir.resolve("storage/docker/registry/v2/repositories/crm/customer-db");
    ServerFiles.write(repo.resolve("_manifests/tags/.keep"), "");
    ServerFiles.write(repo.resolve("_layers/.keep"), "");
    LocalServer.Builder b = LocalServer.builder("docker-registry").workDir(dir);
    StringBuilder yml = new StringBuilder();
    yml.append("version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n");
    yml.append("    rootdirectory: ").append(dir.resolve("storage")).append('\n');
    yml.append("http:\n  addr: ").append(Ports.LOOPBACK).append(':').append(b.port()).append('\n');
    if (locked) {
      Path htpasswd = ServerFiles.write(dir.resolve("htpasswd"), htpasswd("moat", "s3cret") + "\n");
      yml.append("auth:\n  htpasswd:\n    realm: moat\n    path: ").append(htpasswd).append('\n');
    }
    Path conf = ServerFiles.write(dir.resolve("config.yml"), yml.toString());
    return b.command("docker-registry", "serve", conf.toString()).start();
  }
}
