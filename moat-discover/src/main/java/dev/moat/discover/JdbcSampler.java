package dev.moat.discover;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Samples every readable table of a JDBC database: lists tables and columns through standard
 * metadata, takes row counts from the database's statistics, and reads a bounded random sample of
 * each table without scanning it (see {@link TableReader}).
 *
 * <p>Every connection is read-only ({@code setReadOnly(true)} plus the database's own read-only
 * transaction setting) and every query has a timeout. Tables are sampled by {@code concurrency}
 * workers, each with its own connection; a table that fails is reported and skipped.
 *
 * <p>For the scanner: {@code JdbcSampler.of(JdbcTarget.postgresql("10.0.0.5", 5432, "postgres",
 * "postgres", "")).sample(SampleLimits.small(5, 20))} returns up to 5 values of every column of up
 * to 20 tables.
 */
public final class JdbcSampler implements Sampler {
  private final JdbcTarget target;
  private final RandomGenerator random;

  private JdbcSampler(JdbcTarget target, RandomGenerator random) {
    this.target = target;
    this.random = random;
  }

  /** A sampler for {@code target} with a fresh random source. */
  public static JdbcSampler of(JdbcTarget target) {
    return new JdbcSampler(target, RandomGenerator.getDefault());
  }

  /** A sampler with a given random source, for reproducible samples. */
  public static JdbcSampler of(JdbcTarget target, RandomGenerator random) {
    return new JdbcSampler(target, random);
  }

  @Override
  public String displayName() {
    return target.displayName();
  }

  @Override
  public SampleResult sample(SampleLimits limits) {
    String name = displayName();
    try (JdbcConnector connector = new JdbcConnector(target)) {
      List<TableRef> tables;
      Connection first;
      try {
        first = connector.open(limits.queryTimeout());
      } catch (SQLException e) {
        return SampleResult.failed(name, problem(name, e));
      }
      List<Problem> problems = new ArrayList<>();
      try {
        tables = listTables(first, limits);
      } catch (SQLException e) {
        closeQuietly(first);
        return SampleResult.failed(name, problem(name, e));
      }
      List<TableSample> samples = sampleAll(connector, first, tables, limits, problems);
      samples.sort(
          Comparator.comparing((TableSample t) -> String.valueOf(t.database()))
              .thenComparing(t -> String.valueOf(t.schema()))
              .thenComparing(TableSample::table));
      if (samples.isEmpty() && !tables.isEmpty() && problems.isEmpty()) {
        problems.add(new Problem(name, Problem.Kind.OTHER, "no table could be read"));
      }
      return new SampleResult(name, samples, problems);
    } catch (SQLException e) {
      return SampleResult.failed(name, problem(name, e));
    } catch (IOException e) {
      return SampleResult.failed(name, new Problem(name, Problem.Kind.OTHER, msg(e)));
    }
  }

  private List<TableSample> sampleAll(
      JdbcConnector connector,
      Connection first,
      List<TableRef> tables,
      SampleLimits limits,
      List<Problem> problems) {
    ConcurrentLinkedQueue<TableRef> queue = new ConcurrentLinkedQueue<>(tables);
    int workers = Math.min(limits.concurrency(), Math.max(1, tables.size()));
    List<TableSample> out = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<Worker>> futures = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        Connection given = i == 0 ? first : null;
        futures.add(pool.submit(() -> new Worker(connector, given, limits).drain(queue)));
      }
      for (Future<Worker> f : futures) {
        Worker w = f.get();
        out.addAll(w.samples);
        problems.addAll(w.problems);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      problems.add(new Problem(displayName(), Problem.Kind.OTHER, msg(e.getCause())));
    } finally {
      pool.shutdownNow();
    }
    return out;
  }

  /** One worker: one connection, tables taken from the shared queue until it is empty. */
  private final class Worker {
    private final JdbcConnector connector;
    private @Nullable Connection connection;
    private final SampleLimits limits;
    final List<TableSample> samples = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    Worker(JdbcConnector connector, @Nullable Connection connection, SampleLimits limits) {
      this.connector = connector;
      this.connection = connection;
      this.limits = limits;
    }

    Worker drain(ConcurrentLinkedQueue<TableRef> queue) {
      try {
        TableRef t;
        while ((t = queue.poll()) != null && !Thread.currentThread().isInterrupted()) {
          try {
            if (connection == null) {
              connection = connector.open(limits.queryTimeout());
            }
            TableReader reader = new TableReader(connection, target.dialect(), limits, random, t);
            samples.add(reader.read());
          } catch (SQLException e) {
            problems.add(problem(t.qualified(), e));
            rollbackQuietly(connection);
          }
        }
      } finally {
        if (connection != null) {
          closeQuietly(connection);
        }
      }
      return this;
    }
  }

  private List<TableRef> listTables(Connection c, SampleLimits limits) throws SQLException {
    Dialect d = target.dialect();
    DatabaseMetaData md = c.getMetaData();
    String catalog = c.getCatalog();
    if (catalog != null && catalog.isEmpty()) {
      catalog = null;
    }
    Map<String, TableRef> byKey = new LinkedHashMap<>();
    List<@Nullable String> catalogs = catalogs(md, d, catalog);
    for (String cat : catalogs) {
      addTables(md, d, cat, limits, byKey);
    }
    rollbackQuietly(c);
    if (byKey.isEmpty()) {
      return List.of(); // nothing to estimate or describe: two metadata queries saved
    }
    List<TableRef> sorted = new ArrayList<>(byKey.values());
    sorted.sort(Comparator.comparing(TableRef::qualified));
    if (sorted.size() > limits.maxTables()) {
      sorted = new ArrayList<>(sorted.subList(0, limits.maxTables()));
    }
    Map<String, Long> estimates = estimates(c, d, limits);
    Map<String, List<TableRef.ColumnMeta>> columns = new HashMap<>();
    for (String cat : catalogs.size() == 1 ? catalogs : catalogsOf(sorted)) {
      columns.putAll(allColumns(c, cat, sorted.size()));
    }
    List<TableRef> out = new ArrayList<>();
    for (TableRef t : sorted) {
      Long est = estimates.get(t.namespace() + "\u0000" + t.table());
      TableRef r = est == null ? t : t.withRows(est);
      List<TableRef.ColumnMeta> cols = columns.get(t.qualified());
      out.add(cols == null ? r : r.withColumns(cols));
    }
    return out;
  }

  /**
   * The catalogs to list tables in: the connection's own when it has one; on MariaDB/MySQL without
   * a default database, every database but the system's (listed first, so that the server does not
   * open every table of {@code mysql}, {@code performance_schema} and the {@code sys} views just to
   * name them); else all at once ({@code null}).
   */
  private static List<@Nullable String> catalogs(
      DatabaseMetaData md, Dialect d, @Nullable String catalog) throws SQLException {
    if (catalog != null || d != Dialect.MARIADB) {
      List<@Nullable String> own = new ArrayList<>();
      own.add(catalog);
      return own;
    }
    List<@Nullable String> out = new ArrayList<>();
    try (ResultSet rs = md.getCatalogs()) {
      while (rs.next()) {
        String name = rs.getString("TABLE_CAT");
        if (name != null && !d.isSystemSchema(name)) {
          out.add(name);
        }
      }
    }
    return out;
  }

  /** The distinct catalogs of {@code tables}, in order. */
  private static List<@Nullable String> catalogsOf(List<TableRef> tables) {
    List<@Nullable String> out = new ArrayList<>();
    for (TableRef t : tables) {
      if (!out.contains(t.catalog())) {
        out.add(t.catalog());
      }
    }
    return out;
  }

  /** Adds the user tables of {@code catalog} ({@code null}: all) that the limits accept. */
  private static void addTables(
      DatabaseMetaData md,
      Dialect d,
      @Nullable String catalog,
      SampleLimits limits,
      Map<String, TableRef> byKey)
      throws SQLException {
    try (ResultSet rs = md.getTables(catalog, null, "%", null)) {
      while (rs.next()) {
        String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
        if (!type.contains("TABLE") || type.contains("SYSTEM") || type.contains("TEMP")) {
          continue;
        }
        String cat = rs.getString("TABLE_CAT");
        String schema = rs.getString("TABLE_SCHEM");
        String table = rs.getString("TABLE_NAME");
        String ns = schema != null ? schema : cat;
        if (ns != null && d.isSystemSchema(ns)) {
          continue;
        }
        TableRef ref = new TableRef(cat, schema, table, -1);
        if (limits.accepts(ref.qualified())) {
          byKey.put(ref.qualified(), ref);
        }
      }
    }
  }

  /**
   * Every column of every table in one metadata call: one query instead of one per table, which
   * dominates the cost on databases with hundreds of tables. Empty when the driver refuses.
   */
  private static Map<String, List<TableRef.ColumnMeta>> allColumns(
      Connection c, @Nullable String catalog, int tables) {
    Map<String, List<TableRef.ColumnMeta>> m = new HashMap<>();
    if (tables < 2) {
      return m;
    }
    try (ResultSet rs = c.getMetaData().getColumns(catalog, null, "%", "%")) {
      while (rs.next()) {
        String key =
            TableSample.qualify(
                rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"));
        String remarks = rs.getString("REMARKS");
        int type = rs.getInt("DATA_TYPE");
        m.computeIfAbsent(key, k -> new ArrayList<>())
            .add(
                new TableRef.ColumnMeta(
                    rs.getString("COLUMN_NAME"),
                    rs.getString("TYPE_NAME"),
                    remarks == null || remarks.isBlank() ? null : remarks,
                    binary(type),
                    type));
      }
    } catch (SQLException e) {
      m.clear(); // per-table metadata then
    }
    rollbackQuietly(c);
    return m;
  }

  private static Map<String, Long> estimates(Connection c, Dialect d, SampleLimits limits) {
    Map<String, Long> m = new HashMap<>();
    if (d.estimatesSql().isEmpty()) {
      return m;
    }
    try (Statement s = c.createStatement()) {
      s.setQueryTimeout(TableReader.seconds(limits));
      try (ResultSet rs = s.executeQuery(d.estimatesSql())) {
        while (rs.next()) {
          long rows = rs.getLong(3);
          m.put(rs.getString(1) + "\u0000" + rs.getString(2), rs.wasNull() ? -1L : rows);
        }
      }
    } catch (SQLException e) {
      // Statistics are a nicety: without them rows are reported as unknown.
    }
    rollbackQuietly(c);
    return m;
  }

  Problem problem(String where, Throwable e) {
    Problem.Kind kind = Problem.Kind.OTHER;
    if (e instanceof SQLTimeoutException) {
      kind = Problem.Kind.TIMEOUT;
    } else if (e instanceof SQLException se) {
      String state = se.getSQLState() == null ? "" : se.getSQLState();
      int code = se.getErrorCode();
      if (state.startsWith("28") || code == 1045 || code == 1044) {
        kind = Problem.Kind.AUTH;
      } else if (state.startsWith("08") || hasCause(e, java.net.ConnectException.class)) {
        kind = Problem.Kind.UNREACHABLE;
      } else if (state.equals("57014") || code == 1969 || code == 3024) {
        kind = Problem.Kind.TIMEOUT;
      } else if (!where.equals(displayName())) {
        kind = Problem.Kind.TABLE;
      } else if (state.startsWith("3D") || code == 1049) {
        kind = Problem.Kind.UNREACHABLE;
      }
    }
    return new Problem(where, kind, Redact.message(msg(e), target.password()));
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  static String msg(@Nullable Throwable e) {
    if (e == null) {
      return "";
    }
    String m = e.getMessage();
    return (m == null ? e.getClass().getSimpleName() : m).lines().findFirst().orElse("").trim();
  }

  static void rollbackQuietly(@Nullable Connection c) {
    try {
      if (c != null && !c.isClosed() && !c.getAutoCommit()) {
        c.rollback();
      }
    } catch (SQLException e) {
      // The connection is broken; the next use reports it.
    }
  }

  private static void closeQuietly(Connection c) {
    rollbackQuietly(c);
    try {
      c.close();
    } catch (SQLException e) {
      // closing a broken connection
    }
  }

  /** Binary columns are listed but not read: detectors work on text. */
  static boolean binary(int sqlType) {
    return switch (sqlType) {
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> true;
      default -> false;
    };
  }
}
