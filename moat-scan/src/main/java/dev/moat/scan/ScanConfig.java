package dev.moat.scan;

import dev.moat.core.detect.DetectionEngine;
import dev.moat.core.mask.Masker;
import dev.moat.scan.check.Limits;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How a scan runs. Immutable; build with {@link #builder()}. The defaults are safe for production
 * networks: at most {@value #DEFAULT_RATE} new connections per second and {@value
 * #DEFAULT_CONCURRENCY} connects in flight, 1.5 s connect timeout.
 */
public final class ScanConfig {
  /** Default connection attempts per second (0 = unlimited). */
  public static final int DEFAULT_RATE = 2000;

  /** Default connects in flight during the sweep. */
  public static final int DEFAULT_CONCURRENCY = 512;

  /** Default number of ports fingerprinted and checked at once. */
  public static final int DEFAULT_WORKERS = 32;

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration bannerWait;
  private final int rate;
  private final int concurrency;
  private final int workers;
  private final boolean sampling;
  private final int sampleSize;
  private final @Nullable DetectionEngine engine;
  private final Function<String, Masker> maskers;
  private final Locale locale;
  private final Clock clock;

  private ScanConfig(Builder b) {
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.bannerWait = b.bannerWait;
    this.rate = b.rate;
    this.concurrency = b.concurrency;
    this.workers = b.workers;
    this.sampling = b.sampling;
    this.sampleSize = b.sampleSize;
    this.engine = b.engine;
    this.maskers = b.maskers;
    this.locale = b.locale;
    this.clock = b.clock;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** TCP connect timeout, for the sweep and for checks. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long a probe or a check read waits for the next bytes. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /**
   * The most fingerprinting's first wave (the port's usual probes, HTTP, the banner listener) runs
   * before the other probes start, when it has not been decided sooner.
   */
  public Duration bannerWait() {
    return bannerWait;
  }

  /** New connections per second in the sweep; 0 = unlimited. */
  public int rate() {
    return rate;
  }

  /** Connects in flight during the sweep. */
  public int concurrency() {
    return concurrency;
  }

  /** Ports fingerprinted and checked at once. */
  public int workers() {
    return workers;
  }

  /** Whether checks sample data. */
  public boolean sampling() {
    return sampling;
  }

  /** Keys, rows or documents sampled per check. */
  public int sampleSize() {
    return sampleSize;
  }

  /** The detection engine for samples, if any. */
  public @Nullable DetectionEngine engine() {
    return engine;
  }

  /** The masker of each entity. */
  public Function<String, Masker> maskers() {
    return maskers;
  }

  /** The locale of finding texts. */
  public Locale locale() {
    return locale;
  }

  /** The clock. */
  public Clock clock() {
    return clock;
  }

  /** Limits of check connections. */
  public Limits checkLimits() {
    return Limits.DEFAULT.withTimeouts(connectTimeout, readTimeout);
  }

  /** Collects a configuration. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofMillis(1500);
    private Duration readTimeout = Duration.ofSeconds(2);
    private Duration bannerWait = Duration.ofMillis(500);
    private int rate = DEFAULT_RATE;
    private int concurrency = DEFAULT_CONCURRENCY;
    private int workers = DEFAULT_WORKERS;
    private boolean sampling = true;
    private int sampleSize = 20;
    private @Nullable DetectionEngine engine;
    private Function<String, Masker> maskers = e -> v -> "*".repeat(v.length());
    private Locale locale = Locale.ENGLISH;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Connect timeout (sweep and checks). */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive("connectTimeout", value);
      return this;
    }

    /** Read timeout of probes and checks. */
    public Builder readTimeout(Duration value) {
      this.readTimeout = positive("readTimeout", value);
      return this;
    }

    /** Banner wait. */
    public Builder bannerWait(Duration value) {
      this.bannerWait = positive("bannerWait", value);
      return this;
    }

    /** Connection attempts per second; 0 = unlimited. */
    public Builder rate(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("rate must be >= 0: " + value);
      }
      this.rate = value;
      return this;
    }

    /** Connects in flight. */
    public Builder concurrency(int value) {
      if (value < 1 || value > 60_000) {
        throw new IllegalArgumentException("concurrency must be in 1..60000: " + value);
      }
      this.concurrency = value;
      return this;
    }

    /** Ports checked at once. */
    public Builder workers(int value) {
      if (value < 1 || value > 1024) {
        throw new IllegalArgumentException("workers must be in 1..1024: " + value);
      }
      this.workers = value;
      return this;
    }

    /** Sampling on or off. */
    public Builder sampling(boolean value) {
      this.sampling = value;
      return this;
    }

    /** Keys, rows or documents sampled per check. */
    public Builder sampleSize(int value) {
      if (value < 1 || value > 1000) {
        throw new IllegalArgumentException("sampleSize must be in 1..1000: " + value);
      }
      this.sampleSize = value;
      return this;
    }

    /** The detection engine and the masker of each entity. */
    public Builder detection(DetectionEngine value, Function<String, Masker> maskerOfEntity) {
      this.engine = Objects.requireNonNull(value, "engine");
      this.maskers = Objects.requireNonNull(maskerOfEntity, "maskers");
      return this;
    }

    /** Locale of finding texts. */
    public Builder locale(Locale value) {
      this.locale = Objects.requireNonNull(value, "locale");
      return this;
    }

    /** The clock. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** The configuration. */
    public ScanConfig build() {
      return new ScanConfig(this);
    }

    private static Duration positive(String name, Duration d) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be > 0: " + d);
      }
      return d;
    }
  }
}
