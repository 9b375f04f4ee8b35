package dev.moat.discover;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A bounded sample of one table, key group or file.
 *
 * @param database catalog or database name ({@code crm}, {@code db0}), if the source has one
 * @param schema schema name ({@code public}), if the source has one
 * @param table table name, Redis key pattern ({@code user:*}) or file path
 * @param rows row count from statistics (an estimate), or -1 when unknown
 * @param sampled rows (or keys, records, lines) actually read
 * @param columns one entry per column, in the table's order
 */
public record TableSample(
    @Nullable String database,
    @Nullable String schema,
    String table,
    long rows,
    int sampled,
    List<ColumnSample> columns) {

  public TableSample {
    Objects.requireNonNull(table, "table");
    if (sampled < 0) {
      throw new IllegalArgumentException("sampled must be >= 0: " + sampled);
    }
    columns = List.copyOf(columns);
  }

  /** {@code schema.table}, {@code database.table} or the table alone: what include globs match. */
  public String qualifiedName() {
    return qualify(database, schema, table);
  }

  static String qualify(@Nullable String database, @Nullable String schema, String table) {
    if (schema != null && !schema.isEmpty()) {
      return schema + "." + table;
    }
    if (database != null && !database.isEmpty()) {
      return database + "." + table;
    }
    return table;
  }
}
