package dev.moat.core.detect;

import java.util.Locale;

/**
 * How sure a detector is: {@link #LOW} = the shape matched, {@link #MEDIUM} = a validator passed
 * (or, for formats with no check, context supports it), {@link #HIGH} = validated and supported by
 * context (hotwords nearby, or the field name).
 */
public enum Confidence {
  LOW,
  MEDIUM,
  HIGH;

  private final String id = name().toLowerCase(Locale.ROOT);

  /** The lower-case name used in JSON and on the command line. */
  public String id() {
    return id;
  }

  /** True when this confidence is at least {@code other}. */
  public boolean atLeast(Confidence other) {
    return compareTo(other) >= 0;
  }

  /**
   * Parses the lower- or upper-case name.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Confidence parse(String s) {
    for (Confidence v : values()) {
      if (v.id().equalsIgnoreCase(s.trim())) {
        return v;
      }
    }
    throw new IllegalArgumentException("confidence must be one of low, medium, high: " + s);
  }
}
