package dev.moat.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * A single-member etcd (Debian {@code etcd-server}, 3.4) on free loopback ports. Open: the v2 API
 * enabled and no auth. Locked: v2 off (the 3.4 default) and v3 auth enabled through the JSON
 * gateway (root user and role, then {@code auth/enable}), so anonymous requests get {@code user
 * name is empty}. Setup writes happen here, never in a check.
 */
public final class EtcdServers {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private EtcdServers() {}

  /** No authentication, v2 and v3 both served. */
  public static LocalServer open() {
    return start(true);
  }

  /**
   * v3 auth enabled, v2 disabled. {@code put} must be called before locking, so use {@link #lock}.
   */
  public static LocalServer locked() {
    LocalServer s = start(false);
    put(s, "/app/db/password", "Passw0rd-in-etcd");
    lock(s);
    return s;
  }

  private static LocalServer start(boolean v2) {
    ServerFiles.require("etcd", "etcd-server");
    Path dir = ServerFiles.tempDir("etcd");
    int peer = Ports.free();
    LocalServer.Builder b = LocalServer.builder("etcd").workDir(dir);
    String client = "http://" + Ports.LOOPBACK + ":" + b.port();
    String peerUrl = "http://" + Ports.LOOPBACK + ":" + peer;
    b.command(
        "etcd",
        "--name",
        "moat",
        "--data-dir",
        dir.resolve("data").toString(),
        "--listen-client-urls",
        client,
        "--advertise-client-urls",
        client,
        "--listen-peer-urls",
        peerUrl,
        "--initial-advertise-peer-urls",
        peerUrl,
        "--initial-cluster",
        "moat=" + peerUrl,
        "--enable-v2=" + v2);
    LocalServer s = b.start();
    Poll.until(
        Duration.ofSeconds(20),
        "etcd ready",
        () -> post(s, "/v3/kv/range", "{\"key\":\"AA==\"}").contains("header"));
    return s;
  }

  /** Test setup: writes {@code key=value} through the v3 gateway. */
  public static void put(LocalServer s, String key, String value) {
    post(s, "/v3/kv/put", "{\"key\":\"" + b64(key) + "\",\"value\":\"" + b64(value) + "\"}");
  }

  /** Test setup: writes {@code key=value} through the v2 keys API. */
  public static void putV2(LocalServer s, String key, String value) {
    send(
        s,
        HttpRequest.newBuilder(URI.create(base(s) + "/v2/keys" + key))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    "value=" + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)))
            .build());
  }

  /** Test setup: creates root with the root role and enables v3 auth. */
  public static void lock(LocalServer s) {
    post(s, "/v3/auth/user/add", "{\"name\":\"root\",\"password\":\"s3cret-root\"}");
    post(s, "/v3/auth/user/grant", "{\"user\":\"root\",\"role\":\"root\"}");
    post(s, "/v3/auth/enable", "{}");
  }

  private static String base(LocalServer s) {
    return "http://" + Ports.LOOPBACK + ":" + s.port();
  }

  private static String post(LocalServer s, String path, String json) {
    return send(
        s,
        HttpRequest.newBuilder(URI.create(base(s) + path))
            .timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static String send(LocalServer s, HttpRequest req) {
    try {
      return HTTP.send(req, HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted talking to " + s, e);
    }
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
