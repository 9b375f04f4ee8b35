package dev.moat.discover;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs discovery over samplers: samples each source, classifies every column and returns the
 * inventory with {@code change = new} and {@code firstSeen} = now (the store fills in history).
 * Sources are read one after another; within a source, tables run in parallel as the limits say.
 */
public final class Discovery {
  private final ColumnClassifier classifier;
  private final SampleLimits limits;
  private final Clock clock;

  /** Creates a discovery run with the given classifier, limits and clock. */
  public Discovery(ColumnClassifier classifier, SampleLimits limits, Clock clock) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** One source's outcome: its sample (with problems) and its classified columns. */
  public record SourceRun(SampleResult sample, List<InventoryColumn> columns) {
    public SourceRun {
      Objects.requireNonNull(sample, "sample");
      columns = List.copyOf(columns);
    }
  }

  /** Samples and classifies one source. */
  public SourceRun run(Sampler sampler) {
    SampleResult r = sampler.sample(limits);
    return new SourceRun(r, classify(r, clock.instant()));
  }

  /** Classifies every column of a sample. */
  public List<InventoryColumn> classify(SampleResult r, Instant now) {
    List<InventoryColumn> out = new ArrayList<>();
    for (TableSample t : r.tables()) {
      for (ColumnSample c : t.columns()) {
        Classification k = classifier.classify(c, t.rows());
        out.add(
            new InventoryColumn(
                r.source(),
                t.database(),
                t.schema(),
                t.table(),
                c.name(),
                k.entity(),
                k.confidence(),
                k.hitRate(),
                c.values().size(),
                t.rows(),
                k.category(),
                k.level(),
                k.examples(),
                now,
                Change.NEW,
                null,
                null));
      }
    }
    return out;
  }
}
