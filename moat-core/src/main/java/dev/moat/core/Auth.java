package dev.moat.core;

/** What a service demands before it hands out data (the {@code auth} field of scan JSON). */
public enum Auth {
  /** Data reachable without credentials. */
  NONE("none"),
  /** Data reachable with factory-default or empty credentials. */
  DEFAULT_CREDENTIALS("default-credentials"),
  /** Credentials required and none of the defaults worked. */
  REQUIRED("required"),
  /** Not determined. */
  UNKNOWN("unknown");

  private final String id;

  Auth(String id) {
    this.id = id;
  }

  /** The name used in JSON. */
  public String id() {
    return id;
  }
}
