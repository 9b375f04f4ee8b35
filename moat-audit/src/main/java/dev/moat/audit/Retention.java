package dev.moat.audit;

import java.time.Duration;
import java.util.Map;

/**
 * How long records stay in the live segments before they may be archived: a default age and
 * per-event-type ages (the event's top-level {@code "type"} field). Chinese law asks ≥ 6 months for
 * network logs (the default, 180 days) and ≥ 3 years for records of personal-information processing
 * and provision.
 *
 * @param defaultAge the age for events whose type has no entry
 * @param perType ages by event type
 */
public record Retention(Duration defaultAge, Map<String, Duration> perType) {
  /** Validates and copies. */
  public Retention {
    if (defaultAge.isNegative()) {
      throw new IllegalArgumentException("retention must be >= 0: " + defaultAge);
    }
    perType = Map.copyOf(perType);
    perType.forEach(
        (k, v) -> {
          if (v.isNegative()) {
            throw new IllegalArgumentException("retention of " + k + " must be >= 0: " + v);
          }
        });
  }

  /** 180 days for everything. */
  public static Retention defaults() {
    return new Retention(Duration.ofDays(180), Map.of());
  }

  /** The age for events of {@code type}. */
  public Duration ageFor(String type) {
    return perType.getOrDefault(type, defaultAge);
  }
}
