package dev.moat.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * InfluxDB 1.x (Debian {@code influxdb}) with a temporary config on free loopback ports (HTTP and
 * the RPC bind address). Open: {@code auth-enabled = false}. Locked: {@code auth-enabled = true}.
 */
public final class InfluxDbServers {
  private InfluxDbServers() {}

  /** {@code auth-enabled = false}; {@link #query} can create test data. */
  public static LocalServer open() {
    return start(false);
  }

  /** {@code auth-enabled = true}. */
  public static LocalServer locked() {
    return start(true);
  }

  private static LocalServer start(boolean auth) {
    ServerFiles.require("influxd", "influxdb");
    Path dir = ServerFiles.tempDir("influxdb");
    LocalServer.Builder b = LocalServer.builder("influxdb").workDir(dir);
    Path conf =
        ServerFiles.write(
            dir.resolve("influxdb.conf"),
            String.join(
                "\n",
                "reporting-disabled = true",
                "bind-address = \"" + Ports.LOOPBACK + ":" + Ports.free() + "\"",
                "[meta]",
                "  dir = \"" + dir.resolve("meta") + "\"",
                "[data]",
                "  dir = \"" + dir.resolve("data") + "\"",
                "  wal-dir = \"" + dir.resolve("wal") + "\"",
                "  query-log-enabled = false",
                "[http]",
                "  enabled = true",
                "  bind-address = \"" + Ports.LOOPBACK + ":" + b.port() + "\"",
                "  auth-enabled = " + auth,
                "  log-enabled = false",
                "[monitor]",
                "  store-enabled = false",
                ""));
    return b.command("influxd", "-config", conf.toString()).start();
  }

  /** Test setup: POSTs an InfluxQL statement (e.g. {@code CREATE DATABASE crm}). */
  public static String query(LocalServer s, String q) {
    try {
      HttpRequest req =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://"
                          + Ports.LOOPBACK
                          + ":"
                          + s.port()
                          + "/query?q="
                          + URLEncoder.encode(q, StandardCharsets.UTF_8)))
              .timeout(Duration.ofSeconds(5))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
      return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Test setup: writes line-protocol points into {@code db}. */
  public static void write(LocalServer s, String db, String lines) {
    try {
      HttpRequest req =
          HttpRequest.newBuilder(
                  URI.create("http://" + Ports.LOOPBACK + ":" + s.port() + "/write?db=" + db))
              .timeout(Duration.ofSeconds(5))
              .POST(HttpRequest.BodyPublishers.ofString(lines))
              .build();
      HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
