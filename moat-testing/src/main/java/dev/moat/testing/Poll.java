package dev.moat.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes; the replacement for Thread.sleep. */
public final class Poll {
  private Poll() {}

  /**
   * Waits until {@code condition} is true.
   *
   * @throws IllegalStateException with {@code what} when the deadline passes first
   */
  public static void until(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pauseMillis = 5;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + what, e);
      }
      pauseMillis = Math.min(100, pauseMillis * 2);
    }
  }
}
