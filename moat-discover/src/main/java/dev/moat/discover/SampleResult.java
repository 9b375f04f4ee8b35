package dev.moat.discover;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Sampler} read from one source.
 *
 * @param source the source as the user wrote it, with any password masked
 * @param tables the tables sampled, in a stable order (schema, table)
 * @param problems failures; a source-level failure (connect, auth) means {@code tables} is empty
 */
public record SampleResult(String source, List<TableSample> tables, List<Problem> problems) {

  public SampleResult {
    Objects.requireNonNull(source, "source");
    tables = List.copyOf(tables);
    problems = List.copyOf(problems);
  }

  /** A source that could not be read at all. */
  public static SampleResult failed(String source, Problem problem) {
    return new SampleResult(source, List.of(), List.of(problem));
  }

  /** True when nothing could be read from this source. */
  public boolean failed() {
    return tables.isEmpty() && !problems.isEmpty();
  }
}
