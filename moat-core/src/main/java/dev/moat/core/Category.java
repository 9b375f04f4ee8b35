package dev.moat.core;

/**
 * PIPL / GB/T 35273 category of a piece of data: personal information, sensitive personal
 * information, or neither.
 */
public enum Category {
  PI("pi"),
  SENSITIVE_PI("sensitive-pi"),
  OTHER("other");

  private final String id;

  Category(String id) {
    this.id = id;
  }

  /** The name used in JSON: {@code pi}, {@code sensitive-pi}, {@code other}. */
  public String id() {
    return id;
  }

  /**
   * Parses the JSON name.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Category parse(String s) {
    for (Category v : values()) {
      if (v.id.equalsIgnoreCase(s.trim())) {
        return v;
      }
    }
    throw new IllegalArgumentException("category must be one of pi, sensitive-pi, other: " + s);
  }
}
