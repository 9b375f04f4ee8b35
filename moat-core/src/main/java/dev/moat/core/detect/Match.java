package dev.moat.core.detect;

import java.util.Objects;

/**
 * One detected value.
 *
 * @param entity entity id, see {@link Entities}
 * @param start start offset (UTF-16 index) in the searched text, inclusive
 * @param end end offset (UTF-16 index), exclusive
 * @param confidence how sure the detector is
 * @param value the raw matched text; never print it unless the user asked for raw values
 */
public record Match(String entity, int start, int end, Confidence confidence, String value) {
  public Match {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(value, "value");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("need 0 <= start <= end: " + start + ".." + end);
    }
  }
}
