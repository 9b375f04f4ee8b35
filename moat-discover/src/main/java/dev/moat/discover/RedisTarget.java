package dev.moat.discover;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Redis server to sample. {@link #toString()} masks the password.
 *
 * @param db logical database number (SELECT)
 * @param user ACL user, or null for the default user
 * @param password password, or null for none
 */
public record RedisTarget(
    String host, int port, int db, @Nullable String user, @Nullable String password, boolean tls) {

  public RedisTarget {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be in 1..65535: " + port);
    }
    if (db < 0) {
      throw new IllegalArgumentException("db must be >= 0: " + db);
    }
  }

  /** {@code host:port}, database 0, no credentials. */
  public static RedisTarget of(String host, int port) {
    return new RedisTarget(host, port, 0, null, null, false);
  }

  /**
   * Parses {@code redis://[user:password@]host[:port][/db]} (or {@code rediss://} for TLS).
   *
   * @throws IllegalArgumentException for anything else, with the password masked
   */
  public static RedisTarget parse(String uri) {
    try {
      URI u = new URI(uri);
      String scheme = String.valueOf(u.getScheme());
      if ((!scheme.equals("redis") && !scheme.equals("rediss")) || u.getHost() == null) {
        throw new IllegalArgumentException("not a redis:// URL: " + Redact.source(uri));
      }
      String user = null;
      String password = null;
      String info = u.getRawUserInfo();
      if (info != null) {
        int colon = info.indexOf(':');
        user = colon < 0 ? null : decode(info.substring(0, colon));
        password = decode(colon < 0 ? info : info.substring(colon + 1));
        if (user != null && user.isEmpty()) {
          user = null;
        }
      }
      String path = u.getPath() == null ? "" : u.getPath().replace("/", "");
      int db = path.isEmpty() ? 0 : Integer.parseInt(path);
      int port = u.getPort() < 0 ? 6379 : u.getPort();
      return new RedisTarget(u.getHost(), port, db, user, password, scheme.equals("rediss"));
    } catch (URISyntaxException | NumberFormatException e) {
      throw new IllegalArgumentException("bad redis URL: " + Redact.source(uri), e);
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** {@code redis://host:port/db} without credentials. */
  public String displayName() {
    return (tls ? "rediss://" : "redis://") + host + ":" + port + "/" + db;
  }

  /** This target with the given credentials. */
  public RedisTarget withCredentials(@Nullable String user, @Nullable String password) {
    return new RedisTarget(host, port, db, user, password, tls);
  }

  @Override
  public String toString() {
    return "RedisTarget[" + displayName() + "]";
  }
}
