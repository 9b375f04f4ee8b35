package dev.moat.discover;

import java.util.Locale;

/** How a column compares with the previous run over the same source. */
public enum Change {
  /** Not in the previous run (or there was none). */
  NEW,
  /** Same entity and level as before. */
  UNCHANGED,
  /** Entity, category or level differs from the previous run. */
  CHANGED,
  /** In the previous run, gone now. */
  REMOVED;

  /** The lower-case name used in JSON. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the JSON name. */
  public static Change parse(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
