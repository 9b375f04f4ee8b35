package dev.moat.store;

import dev.moat.core.ScanReport;
import dev.moat.discover.InventoryColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Moat's persistent store: discovery runs (sources, tables, columns and each run's classification)
 * and scan runs with their findings.
 *
 * <p>{@link #open} takes a SQLite file path or a {@code jdbc:postgresql://…} URL; the schema is
 * brought up to date by Flyway on open. Every save runs in one transaction, so a crash leaves the
 * previous state. Instances are thread-safe (JDBI opens a connection per call).
 *
 * <p>Only masked values are stored: {@link InventoryColumn#examples()} and finding evidence are
 * masked by their producers.
 */
public final class Store implements AutoCloseable {
  private final Jdbi jdbi;
  private final String location;

  private Store(Jdbi jdbi, String location) {
    this.jdbi = jdbi;
    this.location = location;
  }

  /** {@code ~/.moat/moat.db}. */
  public static Path defaultFile() {
    return Path.of(System.getProperty("user.home"), ".moat", "moat.db");
  }

  /** Opens the default store, creating {@code ~/.moat} with mode 0700 if needed. */
  public static Store openDefault() {
    return open(defaultFile().toString(), null, null);
  }

  /**
   * Opens a store.
   *
   * @param location a SQLite file path (created with its parent directory, mode 0700), or a {@code
   *     jdbc:postgresql://…} (or {@code jdbc:sqlite:…}) URL
   * @param user database user for a JDBC URL, or null
   * @param password database password for a JDBC URL, or null
   * @throws StoreException when the store cannot be opened or migrated
   */
  public static Store open(String location, @Nullable String user, @Nullable String password) {
    String url;
    if (location.startsWith("jdbc:postgresql:") || location.startsWith("jdbc:sqlite:")) {
      url = location;
    } else if (location.startsWith("jdbc:")) {
      throw new StoreException(
          "store must be a file or jdbc:postgresql:// URL: " + redact(location));
    } else {
      Path file = Path.of(location).toAbsolutePath();
      createPrivateDir(file.getParent());
      url = "jdbc:sqlite:" + file;
    }
    try {
      Flyway.configure()
          .dataSource(url, user, password)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("cannot open store " + redact(location) + ": " + e.getMessage(), e);
    }
    Jdbi jdbi = user == null ? Jdbi.create(url) : Jdbi.create(url, user, password);
    return new Store(jdbi, redact(location));
  }

  private static String redact(String location) {
    return dev.moat.discover.Redact.source(location);
  }

  private static void createPrivateDir(@Nullable Path dir) {
    if (dir == null || Files.isDirectory(dir)) {
      return;
    }
    try {
      Files.createDirectories(dir);
      try {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system (Windows): the user's profile directory is private already
      }
    } catch (IOException e) {
      throw new StoreException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Where the store lives, password masked. */
  public String location() {
    return location;
  }

  /**
   * Saves one discovery run over {@code source} and compares it with the previous run over the same
   * source.
   *
   * @param columns the columns found now (their firstSeen and change are ignored)
   * @param status {@code ok} or {@code error}
   * @return the columns with {@code firstSeen} and {@code change} filled in, followed by the
   *     columns of the previous run that are gone ({@code removed})
   */
  public List<InventoryColumn> saveDiscovery(
      String source, Instant at, String status, String message, List<InventoryColumn> columns) {
    return jdbi.inTransaction(h -> new DiscoveryDao(h).save(source, at, status, message, columns));
  }

  /** The columns of the latest run over {@code source}, empty if there was none. */
  public List<InventoryColumn> latestInventory(String source) {
    return jdbi.withHandle(h -> new DiscoveryDao(h).latest(source));
  }

  /** Saves a scan run with its services and findings; returns the run's id. */
  public String saveScan(ScanReport report) {
    return jdbi.inTransaction(h -> new ScanDao(h).save(report));
  }

  /** A saved scan run, if {@code id} names one. */
  public Optional<ScanReport> loadScan(String id) {
    return jdbi.withHandle(h -> new ScanDao(h).load(id));
  }

  /** Ids of the saved scan runs, newest first. */
  public List<String> scanIds() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id FROM scan_run ORDER BY started_at DESC, id")
                .mapTo(String.class)
                .list());
  }

  @Override
  public void close() {
    // JDBI opens and closes a connection per call: nothing to release.
  }
}
