package dev.moat.cli;

import dev.moat.core.detect.DetectionEngine;
import dev.moat.core.detect.Match;
import dev.moat.core.mask.Masker;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Receives one file's matches from the engine: counts them per entity and, for the {@code json} and
 * {@code jsonl} formats, writes each as one JSON object in the DESIGN.md contract. The object is
 * built in a reused {@code StringBuilder} with hand-rolled escaping; the raw value is written only
 * with {@code --show-values}.
 *
 * <p>Not thread-safe: one sink per file, used by the thread scanning that file.
 */
final class MatchSink implements DetectionEngine.StreamSink {

  /** Thrown when writing the output (not reading the input) fails; ends the whole run. */
  static final class OutputFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final IOException io;

    OutputFailure(IOException cause) {
      super(cause);
      this.io = cause;
    }

    /** The write error. */
    IOException io() {
      return io;
    }
  }

  private final String prefix;
  private final @Nullable Writer out;
  private final boolean json;
  private final boolean showValues;
  private final Function<String, Masker> maskers;
  private final Runnable beforeFirst;
  private final StringBuilder sb = new StringBuilder(256);
  private final Map<String, long[]> counts = new HashMap<>();
  private long matches;

  /**
   * Creates a sink.
   *
   * @param path the file's display path
   * @param out where match objects go; null to only count (table format)
   * @param json true for the {@code json} document (objects separated by commas), false for lines
   * @param showValues whether to include the raw value
   * @param maskers the masker of each entity
   * @param beforeFirst run before the file's first object is written (writes the separator from the
   *     previous file's objects in the {@code json} format)
   */
  MatchSink(
      String path,
      @Nullable Writer out,
      boolean json,
      boolean showValues,
      Function<String, Masker> maskers,
      Runnable beforeFirst) {
    this.prefix = "{\"path\":" + Json.string(path) + ",\"line\":";
    this.out = out;
    this.json = json;
    this.showValues = showValues;
    this.maskers = maskers;
    this.beforeFirst = beforeFirst;
  }

  @Override
  public void accept(long line, long start, long end, Match m) {
    counts.computeIfAbsent(m.entity(), k -> new long[1])[0]++;
    matches++;
    Writer w = out;
    if (w == null) {
      return;
    }
    StringBuilder b = sb;
    b.setLength(0);
    if (json) {
      if (matches == 1) {
        beforeFirst.run();
      } else {
        b.append(",\n");
      }
    }
    b.append(prefix)
        .append(line)
        .append(",\"start\":")
        .append(start)
        .append(",\"end\":")
        .append(end)
        .append(",\"entity\":");
    Json.string(b, m.entity());
    b.append(",\"confidence\":\"").append(m.confidence().id()).append("\",\"masked\":");
    Json.string(b, maskers.apply(m.entity()).mask(m.value()));
    if (showValues) {
      b.append(",\"value\":");
      Json.string(b, m.value());
    }
    b.append('}');
    if (!json) {
      b.append('\n');
    }
    try {
      w.append(b);
    } catch (IOException e) {
      throw new OutputFailure(e);
    }
  }

  long matches() {
    return matches;
  }

  Map<String, Long> counts() {
    Map<String, Long> m = new HashMap<>();
    counts.forEach((k, v) -> m.put(k, v[0]));
    return m;
  }

  /** Wraps an output write that may fail. */
  static void write(Writer w, String s) {
    try {
      w.write(s);
    } catch (IOException e) {
      throw new OutputFailure(e);
    }
  }
}
