package dev.moat.discover;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A database to sample: a JDBC URL, optional credentials (they override those in the URL) and, for
 * databases whose driver Moat does not ship (达梦, 人大金仓, Oracle …), the driver jar.
 *
 * <p>{@link #toString()} masks the password.
 *
 * @param url {@code jdbc:postgresql://…}, {@code jdbc:mysql://…}, {@code jdbc:mariadb://…}, {@code
 *     jdbc:sqlite:FILE}, {@code jdbc:h2:…} or any URL the driver jar accepts
 */
public record JdbcTarget(
    String url, @Nullable String user, @Nullable String password, @Nullable Path driverJar) {

  public JdbcTarget {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:")) {
      throw new IllegalArgumentException("JDBC URL must start with jdbc: " + Redact.source(url));
    }
  }

  /** A URL with credentials given separately. */
  public static JdbcTarget of(String url, @Nullable String user, @Nullable String password) {
    return new JdbcTarget(url, user, password, null);
  }

  /** PostgreSQL at {@code host:port}, database {@code database}. */
  public static JdbcTarget postgresql(
      String host, int port, String database, @Nullable String user, @Nullable String password) {
    return of("jdbc:postgresql://" + host + ":" + port + "/" + database, user, password);
  }

  /** MySQL or MariaDB at {@code host:port}; {@code database} may be empty for all databases. */
  public static JdbcTarget mysql(
      String host, int port, String database, @Nullable String user, @Nullable String password) {
    return of("jdbc:mariadb://" + host + ":" + port + "/" + database, user, password);
  }

  /** The driver jar, if one was given. */
  public Optional<Path> driver() {
    return Optional.ofNullable(driverJar);
  }

  /** The URL with its password masked. */
  public String displayName() {
    return Redact.source(url);
  }

  Dialect dialect() {
    String u = url.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:postgresql:")) {
      return Dialect.POSTGRESQL;
    }
    if (u.startsWith("jdbc:mysql:") || u.startsWith("jdbc:mariadb:")) {
      return Dialect.MARIADB;
    }
    if (u.startsWith("jdbc:sqlite:")) {
      return Dialect.SQLITE;
    }
    if (u.startsWith("jdbc:h2:")) {
      return Dialect.H2;
    }
    return Dialect.GENERIC;
  }

  @Override
  public String toString() {
    return "JdbcTarget[" + displayName() + (user == null ? "" : ", user=" + user) + "]";
  }
}
