package dev.moat.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One stored record.
 *
 * @param index the leaf index
 * @param micros the time stored with it, µs since the epoch
 * @param json the event as appended (a JSON object, UTF-8)
 * @param segment the file it was read from
 */
public record Entry(long index, long micros, String json, String segment) {
  /** The stored time. */
  public Instant time() {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  static Entry of(long index, long micros, byte[] body, int off, int len, String segment) {
    return new Entry(
        index,
        micros,
        new String(
            body,
            off + SegmentFormat.BODY_PREFIX,
            len - SegmentFormat.BODY_PREFIX,
            StandardCharsets.UTF_8),
        segment);
  }
}
