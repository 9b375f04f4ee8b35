package dev.moat.discover;

import dev.moat.discover.TableRef.ColumnMeta;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Reads the bounded sample of one table. Never a full scan:
 *
 * <ul>
 *   <li>PostgreSQL: {@code TABLESAMPLE SYSTEM (p) LIMIT n} with {@code p} sized from {@code
 *       reltuples} so that only a few pages are read; small or never-analysed tables use {@code
 *       LIMIT n}.
 *   <li>MariaDB/MySQL with an integer primary key: {@code MIN}/{@code MAX} from the index, then
 *       four short range reads {@code WHERE pk >= random ORDER BY pk LIMIT n/4}.
 *   <li>SQLite: the same with {@code rowid}.
 *   <li>Others: the statement's max-rows limit.
 * </ul>
 */
final class TableReader {
  private static final int CHUNKS = 4;

  private final Connection c;
  private final Dialect dialect;
  private final SampleLimits limits;
  private final RandomGenerator random;
  private final TableRef ref;
  private final String quote;

  TableReader(
      Connection c, Dialect dialect, SampleLimits limits, RandomGenerator random, TableRef ref)
      throws SQLException {
    this.c = c;
    this.dialect = dialect;
    this.limits = limits;
    this.random = random;
    this.ref = ref;
    String q = c.getMetaData().getIdentifierQuoteString();
    this.quote = q == null || q.isBlank() ? "\"" : q.trim();
  }

  static int seconds(SampleLimits limits) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, limits.queryTimeout().toSeconds()));
  }

  TableSample read() throws SQLException {
    try {
      List<ColumnMeta> cols = columns();
      List<ColumnMeta> readable = cols.stream().filter(col -> !col.binary()).toList();
      List<List<String>> values = new ArrayList<>();
      for (int i = 0; i < readable.size(); i++) {
        values.add(new ArrayList<>());
      }
      int rows = readable.isEmpty() ? 0 : sample(readable, values);
      long estimate = ref.rows();
      if (dialect == Dialect.SQLITE && estimate < 0) {
        estimate = maxRowid();
      }
      if ((estimate >= 0 && estimate < rows)
          || (estimate < 0 && rows < limits.rowsPerTable() && ref.rows() < 0)) {
        // Fewer rows than asked for: the sample read the whole (small) table, so the count is
        // exact.
        estimate = rows;
      }
      List<ColumnSample> out = new ArrayList<>();
      for (ColumnMeta col : cols) {
        int idx = readable.indexOf(col);
        out.add(
            new ColumnSample(
                col.name(), col.type(), col.comment(), idx < 0 ? List.of() : values.get(idx)));
      }
      return new TableSample(ref.catalog(), ref.schema(), ref.table(), estimate, rows, out);
    } finally {
      JdbcSampler.rollbackQuietly(c);
    }
  }

  private List<ColumnMeta> columns() throws SQLException {
    if (!ref.columns().isEmpty()) {
      return ref.columns();
    }
    DatabaseMetaData md = c.getMetaData();
    List<ColumnMeta> cols = new ArrayList<>();
    try (ResultSet rs = md.getColumns(ref.catalog(), ref.schema(), escape(md, ref.table()), "%")) {
      while (rs.next()) {
        if (!ref.table().equals(rs.getString("TABLE_NAME"))) {
          continue;
        }
        String remarks = rs.getString("REMARKS");
        int type = rs.getInt("DATA_TYPE");
        cols.add(
            new ColumnMeta(
                rs.getString("COLUMN_NAME"),
                rs.getString("TYPE_NAME"),
                remarks == null || remarks.isBlank() ? null : remarks,
                JdbcSampler.binary(type),
                type));
      }
    }
    return cols;
  }

  private static String escape(DatabaseMetaData md, String name) throws SQLException {
    String esc = md.getSearchStringEscape();
    if (esc == null || esc.isEmpty()) {
      return name;
    }
    return name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
  }

  private String q(String ident) {
    return quote + ident.replace(quote, quote + quote) + quote;
  }

  private String from() {
    StringBuilder sb = new StringBuilder();
    if (dialect != Dialect.SQLITE && ref.schema() != null) {
      sb.append(q(ref.schema())).append('.');
    } else if (dialect == Dialect.MARIADB && ref.catalog() != null) {
      sb.append(q(ref.catalog())).append('.');
    }
    return sb.append(q(ref.table())).toString();
  }

  private int sample(List<ColumnMeta> cols, List<List<String>> values) throws SQLException {
    String select = "SELECT " + String.join(", ", cols.stream().map(col -> q(col.name())).toList());
    int n = limits.rowsPerTable();
    boolean big = ref.rows() > 4L * n;
    return switch (dialect) {
      case POSTGRESQL -> {
        if (big) {
          double pct = Math.min(100.0, Math.max(0.0001, 100.0 * 4 * n / ref.rows()));
          String sql =
              select
                  + " FROM "
                  + from()
                  + String.format(Locale.ROOT, " TABLESAMPLE SYSTEM (%.6f) LIMIT %d", pct, n);
          int got = query(sql, n, values, List.of());
          if (got >= n / 2) {
            yield got;
          }
          // An unlucky draw of pages: a larger sample, still far from a full scan.
          values.forEach(List::clear);
          String retry =
              select
                  + " FROM "
                  + from()
                  + String.format(
                      Locale.ROOT,
                      " TABLESAMPLE SYSTEM (%.6f) LIMIT %d",
                      Math.min(100, pct * 8),
                      n);
          yield query(retry, n, values, List.of());
        }
        yield query(select + " FROM " + from() + " LIMIT " + n, n, values, List.of());
      }
      case MARIADB -> {
        String pk = big ? integerPrimaryKey() : null;
        yield pk == null
            ? query(select + " FROM " + from() + " LIMIT " + n, n, values, List.of())
            : ranges(select, q(pk), n, values);
      }
      case SQLITE -> {
        long max = big ? ref.rows() : maxRowid();
        if (max > 4L * n) {
          yield ranges(select, "rowid", n, values);
        }
        yield query(select + " FROM " + from() + " LIMIT " + n, n, values, List.of());
      }
      case H2 -> query(select + " FROM " + from() + " LIMIT " + n, n, values, List.of());
      case GENERIC -> query(select + " FROM " + from(), n, values, List.of());
    };
  }

  /** Four short index range reads from random starting keys. */
  private int ranges(String select, String key, int n, List<List<String>> values)
      throws SQLException {
    long[] bounds = minMax(key);
    if (bounds[1] <= bounds[0]) {
      return query(select + " FROM " + from() + " LIMIT " + n, n, values, List.of());
    }
    int per = Math.max(1, n / CHUNKS);
    int got = 0;
    for (int i = 0; i < CHUNKS && got < n; i++) {
      long start = bounds[0] + (long) (random.nextDouble() * (bounds[1] - bounds[0]));
      String sql =
          select + " FROM " + from() + " WHERE " + key + " >= ? ORDER BY " + key + " LIMIT " + per;
      got += query(sql, Math.min(per, n - got), values, List.of(start));
    }
    return got;
  }

  private long[] minMax(String key) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.setQueryTimeout(seconds(limits));
      try (ResultSet rs =
          s.executeQuery("SELECT MIN(" + key + "), MAX(" + key + ") FROM " + from())) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2)};
      }
    }
  }

  private long maxRowid() {
    try (Statement s = c.createStatement()) {
      s.setQueryTimeout(seconds(limits));
      try (ResultSet rs = s.executeQuery("SELECT MAX(rowid) FROM " + from())) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    } catch (SQLException e) {
      // WITHOUT ROWID table: no cheap estimate.
      return -1;
    }
  }

  private @Nullable String integerPrimaryKey() throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    List<String> keys = new ArrayList<>();
    try (ResultSet rs = md.getPrimaryKeys(ref.catalog(), ref.schema(), ref.table())) {
      while (rs.next()) {
        keys.add(rs.getString("COLUMN_NAME"));
      }
    }
    if (keys.size() != 1) {
      return null;
    }
    for (ColumnMeta col : columns()) {
      if (col.name().equals(keys.get(0))) {
        return switch (col.sqlType()) {
          case java.sql.Types.INTEGER, java.sql.Types.BIGINT, java.sql.Types.SMALLINT -> col.name();
          default -> null;
        };
      }
    }
    return null;
  }

  private int query(String sql, int max, List<List<String>> values, List<Long> params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setQueryTimeout(seconds(limits));
      ps.setMaxRows(max);
      ps.setFetchSize(Math.min(max, 1000));
      for (int i = 0; i < params.size(); i++) {
        ps.setLong(i + 1, params.get(i));
      }
      int rows = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && rows < max) {
          rows++;
          for (int i = 0; i < values.size(); i++) {
            String v = rs.getString(i + 1);
            if (v != null && !v.isBlank()) {
              values.get(i).add(ColumnSample.cut(v));
            }
          }
        }
      }
      return rows;
    }
  }
}
