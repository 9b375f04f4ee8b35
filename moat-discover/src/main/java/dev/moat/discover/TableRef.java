package dev.moat.discover;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A table found in metadata, with its estimated row count (-1 = unknown). */
record TableRef(@Nullable String catalog, @Nullable String schema, String table, long rows) {
  TableRef {
    Objects.requireNonNull(table, "table");
  }

  String namespace() {
    return schema != null ? schema : String.valueOf(catalog);
  }

  String qualified() {
    return TableSample.qualify(catalog, schema, table);
  }

  TableRef withRows(long estimate) {
    return new TableRef(catalog, schema, table, estimate);
  }
}
