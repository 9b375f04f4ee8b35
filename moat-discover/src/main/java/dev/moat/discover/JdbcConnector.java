package dev.moat.discover;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * Opens read-only connections for a {@link JdbcTarget}. A driver jar given by the user is loaded in
 * its own class loader and its {@link Driver} is called directly, since {@link DriverManager}
 * ignores drivers from foreign class loaders. The drivers Moat ships are called directly too: going
 * through {@link DriverManager} would load and register every bundled driver (hundreds of classes)
 * on the first connection, a cost that a scan sampling one PostgreSQL pays in start-up time.
 */
final class JdbcConnector implements AutoCloseable {
  private final JdbcTarget target;
  private final String url;
  private final @Nullable Driver driver;
  private final @Nullable URLClassLoader loader;

  JdbcConnector(JdbcTarget target) throws SQLException {
    this.target = target;
    this.url = normalise(target.url());
    if (target.driverJar() != null) {
      Path jar = target.driverJar();
      if (!Files.isRegularFile(jar)) {
        throw new SQLException("driver jar not found: " + jar, "08001");
      }
      try {
        this.loader =
            new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
      } catch (MalformedURLException e) {
        throw new SQLException("bad driver jar path: " + jar, "08001", e);
      }
      Driver found = null;
      for (Driver d : ServiceLoader.load(Driver.class, loader)) {
        if (d.acceptsURL(url)) {
          found = d;
          break;
        }
      }
      if (found == null) {
        throw new SQLException("no driver in " + jar + " accepts " + target.displayName(), "08001");
      }
      this.driver = found;
    } else {
      this.loader = null;
      this.driver = bundled(target.dialect());
      if (target.dialect() == Dialect.SQLITE) {
        Path file = Path.of(url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", ""));
        // Opening a missing file would create an empty database: refuse instead.
        if (!Files.isRegularFile(file)) {
          throw new SQLException("no such file: " + file, "08001");
        }
      }
    }
  }

  /** The bundled driver of {@code d}, or null (then {@link DriverManager} finds one). */
  private static @Nullable Driver bundled(Dialect d) throws SQLException {
    String name =
        switch (d) {
          case POSTGRESQL -> "org.postgresql.Driver";
          case MARIADB -> "org.mariadb.jdbc.Driver";
          case SQLITE -> "org.sqlite.JDBC";
          case H2 -> "org.h2.Driver";
          case GENERIC -> null;
        };
    if (name == null) {
      return null;
    }
    try {
      // by name: the classes carry annotations whose types are not on the compile class path
      return Class.forName(name).asSubclass(Driver.class).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new SQLException("bundled JDBC driver " + name + " cannot be loaded", "08001", e);
    }
  }

  /** jdbc:mysql: goes to the MariaDB driver, which accepts it only with permitMysqlScheme. */
  static String normalise(String url) {
    if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:mysql:")
        && !url.contains("permitMysqlScheme")) {
      return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }
    return url;
  }

  Connection open(Duration timeout) throws SQLException {
    Properties p = new Properties();
    if (target.user() != null) {
      p.setProperty("user", target.user());
    }
    if (target.password() != null) {
      p.setProperty("password", target.password());
    }
    long secs = Math.max(1, timeout.toSeconds());
    switch (target.dialect()) {
      case POSTGRESQL -> {
        p.setProperty("connectTimeout", Long.toString(Math.min(secs, 30)));
        p.setProperty("readOnly", "true");
        p.setProperty("ApplicationName", "moat discover");
      }
      case MARIADB -> p.setProperty("connectTimeout", Long.toString(Math.min(secs, 30) * 1000));
      case SQLITE -> p.setProperty("open_mode", "1");
      default -> {}
    }
    Connection c = driver != null ? driver.connect(url, p) : DriverManager.getConnection(url, p);
    if (c == null) {
      throw new SQLException("driver does not accept " + target.displayName(), "08001");
    }
    try {
      c.setReadOnly(true);
      String ro = target.dialect().readOnlySql();
      if (!ro.isEmpty()) {
        try (Statement s = c.createStatement()) {
          s.execute(ro);
        }
      }
      c.setAutoCommit(false);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  @Override
  public void close() throws IOException {
    if (loader != null) {
      loader.close();
    }
  }
}
