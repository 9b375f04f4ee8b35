package dev.moat.cli;

import dev.moat.core.detect.DetectionEngine;
import dev.moat.core.detect.Match;
import dev.moat.core.mask.Masker;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Receives one file's matches from the engine: counts them per entity and, for the {@code json} and
 * {@code jsonl} formats, writes each as one JSON object in the DESIGN.md contract. The object is
 * built in a reused char buffer with hand-rolled escaping and handed to the writer in one call, no
 * intermediate strings; the raw value is written only with {@code --show-values}.
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

  private final char[] prefix;
  private final @Nullable Writer out;
  private final boolean json;
  private final boolean showValues;
  private final Function<String, Masker> maskers;
  private final Runnable beforeFirst;
  private final JsonLine b = new JsonLine();
  private final Map<String, long[]> counts = new HashMap<>();
  private @Nullable String lastEntity;
  private long[] lastCount = new long[1];

  /** Maskers by entity id object: ids are the engine's constants, so identity finds them fast. */
  private final IdentityHashMap<String, Masker> maskerCache = new IdentityHashMap<>();

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
    this.prefix = ("{\"path\":" + Json.string(path) + ",\"line\":").toCharArray();
    this.out = out;
    this.json = json;
    this.showValues = showValues;
    this.maskers = maskers;
    this.beforeFirst = beforeFirst;
  }

  @Override
  public void accept(long line, long start, long end, Match m) {
    String entity = m.entity();
    if (!entity.equals(lastEntity)) {
      lastEntity = entity;
      lastCount = counts.computeIfAbsent(entity, k -> new long[1]);
    }
    lastCount[0]++;
    matches++;
    Writer w = out;
    if (w == null) {
      return;
    }
    JsonLine b = this.b;
    b.clear();
    if (json) {
      if (matches == 1) {
        beforeFirst.run();
      } else {
        b.raw(",\n");
      }
    }
    b.raw(prefix);
    b.number(line);
    b.raw(",\"start\":");
    b.number(start);
    b.raw(",\"end\":");
    b.number(end);
    b.raw(",\"entity\":");
    b.string(entity);
    b.raw(",\"confidence\":\"");
    b.raw(m.confidence().id());
    b.raw("\",\"masked\":");
    Masker masker = maskerCache.get(entity);
    if (masker == null) {
      masker = maskers.apply(entity);
      maskerCache.put(entity, masker);
    }
    b.string(masker.mask(m.value()));
    if (showValues) {
      b.raw(",\"value\":");
      b.string(m.value());
    }
    b.raw(json ? "}" : "}\n");
    try {
      b.writeTo(w);
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
