package dev.moat.core;

import java.util.Locale;

/** GB/T 43697-2024 data level: general (一般数据), important (重要数据), core (核心数据). */
public enum Level {
  GENERAL,
  IMPORTANT,
  CORE;

  /** The lower-case name used in JSON. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the lower- or upper-case name.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Level parse(String s) {
    for (Level v : values()) {
      if (v.id().equalsIgnoreCase(s.trim())) {
        return v;
      }
    }
    throw new IllegalArgumentException("level must be one of general, important, core: " + s);
  }
}
