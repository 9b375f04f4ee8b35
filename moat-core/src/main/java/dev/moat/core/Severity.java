package dev.moat.core;

import java.util.Locale;

/** How urgent a finding is. Ordered from most to least severe; JSON uses {@link #id()}. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  INFO;

  /** The lower-case name used in JSON, SARIF and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is at least as severe as {@code other}. */
  public boolean atLeast(Severity other) {
    return compareTo(other) <= 0;
  }

  /** One step more severe, saturating at {@link #CRITICAL}. */
  public Severity raise() {
    return switch (this) {
      case INFO -> LOW;
      case LOW -> MEDIUM;
      case MEDIUM -> HIGH;
      default -> CRITICAL;
    };
  }

  /**
   * Parses the lower- or upper-case name.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Severity parse(String s) {
    for (Severity v : values()) {
      if (v.id().equalsIgnoreCase(s.trim())) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "severity must be one of critical, high, medium, low, info: " + s);
  }
}
