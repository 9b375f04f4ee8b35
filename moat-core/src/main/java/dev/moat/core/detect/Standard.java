package dev.moat.core.detect;

/** Holder of the shared default engine, built on first use. */
final class Standard {
  static final DetectionEngine ENGINE = new DetectionEngineBuilder().build();

  private Standard() {}
}
