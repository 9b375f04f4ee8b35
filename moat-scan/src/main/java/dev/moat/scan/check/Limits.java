package dev.moat.scan.check;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-connection limits that keep a hostile or broken peer from hanging or flooding the scan.
 *
 * @param connectTimeout how long a TCP connect (and a TLS handshake) may take
 * @param readTimeout how long one read may wait for the next byte
 * @param budget the whole life of one connection: no read returns data after it, whatever the peer
 *     trickles
 * @param readCap the most bytes read from one connection; more is an error, not more memory
 */
public record Limits(Duration connectTimeout, Duration readTimeout, Duration budget, int readCap) {

  /** Defaults for checks: 1.5 s connect, 2 s per read, 10 s per connection, 1 MiB. */
  public static final Limits DEFAULT =
      new Limits(Duration.ofMillis(1500), Duration.ofSeconds(2), Duration.ofSeconds(10), 1 << 20);

  public Limits {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(budget, "budget");
    positive("connectTimeout", connectTimeout);
    positive("readTimeout", readTimeout);
    positive("budget", budget);
    if (readCap <= 0) {
      throw new IllegalArgumentException("readCap must be > 0: " + readCap);
    }
  }

  /** A copy with another connect and read timeout. */
  public Limits withTimeouts(Duration connect, Duration read) {
    return new Limits(connect, read, budget, readCap);
  }

  /** A copy with another per-connection budget. */
  public Limits withBudget(Duration newBudget) {
    return new Limits(connectTimeout, readTimeout, newBudget, readCap);
  }

  /** A copy with another read cap. */
  public Limits withReadCap(int cap) {
    return new Limits(connectTimeout, readTimeout, budget, cap);
  }

  private static void positive(String name, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0: " + d);
    }
  }
}
