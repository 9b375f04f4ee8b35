package dev.moat.discover;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How much a sampler may read.
 *
 * @param rowsPerTable values read per table (rows, keys per key group, records or lines per file)
 * @param maxTables tables sampled per source at most; the rest are skipped (first by name)
 * @param queryTimeout limit for each single query
 * @param concurrency tables sampled at the same time (one connection each)
 * @param include glob patterns on {@code schema.table} (or {@code database.table}, or the file
 *     path); empty = everything
 * @param exclude glob patterns removed after {@code include}
 */
public record SampleLimits(
    int rowsPerTable,
    int maxTables,
    Duration queryTimeout,
    int concurrency,
    List<String> include,
    List<String> exclude) {

  public SampleLimits {
    if (rowsPerTable < 1 || rowsPerTable > 100_000) {
      throw new IllegalArgumentException("sample must be in 1..100000: " + rowsPerTable);
    }
    if (maxTables < 1) {
      throw new IllegalArgumentException("max-tables must be >= 1: " + maxTables);
    }
    Objects.requireNonNull(queryTimeout, "queryTimeout");
    if (queryTimeout.isNegative() || queryTimeout.isZero()) {
      throw new IllegalArgumentException("query timeout must be > 0: " + queryTimeout);
    }
    if (concurrency < 1 || concurrency > 64) {
      throw new IllegalArgumentException("concurrency must be in 1..64: " + concurrency);
    }
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  /** 100 rows per table, 1000 tables, 30 s per query, 4 at a time, everything included. */
  public static SampleLimits defaults() {
    return new SampleLimits(100, 1000, Duration.ofSeconds(30), 4, List.of(), List.of());
  }

  /**
   * A small sample for showing what an open service exposes: {@code rows} values per table, at most
   * {@code tables} tables, 5 s per query, one at a time.
   */
  public static SampleLimits small(int rows, int tables) {
    return new SampleLimits(rows, tables, Duration.ofSeconds(5), 1, List.of(), List.of());
  }

  /** True when {@code qualifiedName} passes the include and exclude patterns. */
  public boolean accepts(String qualifiedName) {
    return (include.isEmpty() || Globs.anyMatch(include, qualifiedName))
        && !Globs.anyMatch(exclude, qualifiedName);
  }
}
