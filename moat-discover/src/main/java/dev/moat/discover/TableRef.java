package dev.moat.discover;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A table found in metadata, with its estimated row count (-1 = unknown). */
record TableRef(
    @Nullable String catalog,
    @Nullable String schema,
    String table,
    long rows,
    List<ColumnMeta> columns) {
  TableRef {
    Objects.requireNonNull(table, "table");
    columns = List.copyOf(columns);
  }

  TableRef(@Nullable String catalog, @Nullable String schema, String table, long rows) {
    this(catalog, schema, table, rows, List.of());
  }

  /** A column from metadata; binary ones are listed but not read. */
  record ColumnMeta(
      String name, @Nullable String type, @Nullable String comment, boolean binary, int sqlType) {}

  String namespace() {
    return schema != null ? schema : String.valueOf(catalog);
  }

  String qualified() {
    return TableSample.qualify(catalog, schema, table);
  }

  TableRef withRows(long estimate) {
    return new TableRef(catalog, schema, table, estimate, columns);
  }

  TableRef withColumns(List<ColumnMeta> cols) {
    return new TableRef(catalog, schema, table, rows, cols);
  }
}
