package dev.moat.scan.check;

import dev.moat.core.detect.DetectionEngine;
import dev.moat.core.detect.Match;
import dev.moat.core.mask.Masker;
import dev.moat.discover.ColumnSample;
import dev.moat.discover.SampleLimits;
import dev.moat.discover.SampleResult;
import dev.moat.discover.TableSample;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link Check} gets for one port: where it is, what fingerprinting saw, connections
 * with the scan's limits, the sampling switch, the detection engine (through {@link #detect}), the
 * user's locale for finding texts, and the clock.
 *
 * <p>Immutable; built by the scanner (or by a test through {@link #builder}).
 */
public final class CheckContext {
  /** Masked examples kept per entity in an {@link Exposure}. */
  static final int EXAMPLES_PER_ENTITY = 3;

  private final String host;
  private final InetAddress address;
  private final int port;
  private final boolean tls;
  private final Identity identity;
  private final Limits limits;
  private final boolean sampling;
  private final int sampleSize;
  private final @Nullable DetectionEngine engine;
  private final Function<String, Masker> maskers;
  private final Locale locale;
  private final Clock clock;
  private final @Nullable SharedGets sharedGets;

  private CheckContext(Builder b) {
    this.host = Objects.requireNonNull(b.host, "host");
    this.address = Objects.requireNonNull(b.address, "address");
    this.port = b.port;
    this.tls = b.tls;
    this.identity = b.identity;
    this.limits = b.limits;
    this.sampling = b.sampling;
    this.sampleSize = b.sampleSize;
    this.engine = b.engine;
    this.maskers = b.maskers;
    this.locale = b.locale;
    this.clock = b.clock;
    this.sharedGets = b.sharedGets;
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be in 1..65535: " + port);
    }
  }

  /** A builder for {@code host} (as the user wrote it) at {@code address}:{@code port}. */
  public static Builder builder(String host, InetAddress address, int port) {
    return new Builder(host, address, port);
  }

  /** The host as the user gave it (an address literal or a name). */
  public String host() {
    return host;
  }

  /** The address connected to. */
  public InetAddress address() {
    return address;
  }

  /** The port. */
  public int port() {
    return port;
  }

  /** True when fingerprinting found that the port speaks TLS. */
  public boolean tls() {
    return tls;
  }

  /** What fingerprinting recognised. */
  public Identity identity() {
    return identity;
  }

  /** The per-connection limits. */
  public Limits limits() {
    return limits;
  }

  /**
   * True when the scan runs from the target's own machine (a loopback address). Some products
   * (Redis protected mode, RabbitMQ's guest user) let loopback clients in and nobody else: findings
   * say so.
   */
  public boolean loopback() {
    return address.isLoopbackAddress();
  }

  /** Opens a connection to the port, over TLS when the port speaks TLS. */
  public Connection connect() throws IOException {
    return connect(tls);
  }

  /** Opens a connection to the port, over TLS or not as asked. */
  public Connection connect(boolean overTls) throws IOException {
    return Connection.open(new InetSocketAddress(address, port), overTls, limits);
  }

  /** Opens a connection to another port of the same host (e.g. a management API). */
  public Connection connectTo(int otherPort, boolean overTls) throws IOException {
    return Connection.open(new InetSocketAddress(address, otherPort), overTls, limits);
  }

  /** True unless the user turned sampling off ({@code --no-sample}). */
  public boolean sampling() {
    return sampling;
  }

  /** The most keys, rows or documents a check samples (small: evidence, not a copy). */
  public int sampleSize() {
    return sampleSize;
  }

  /** The user's locale for finding texts. */
  public Locale locale() {
    return locale;
  }

  /** The scan's clock. */
  public Clock clock() {
    return clock;
  }

  /**
   * Runs the detection engine over sampled values and returns counts and masked examples. Raw
   * values stay here: only masked forms come out. Returns {@link Exposure#NONE} when sampling is
   * off or no engine is configured.
   */
  public Exposure detect(Iterable<SampleField> samples) {
    DetectionEngine e = engine;
    if (!sampling || e == null) {
      return Exposure.NONE;
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, Integer> shown = new LinkedHashMap<>();
    // the same masked value in the same place (a value sampled twice) is one example
    Set<String> examples = new LinkedHashSet<>();
    int sampled = 0;
    for (SampleField s : samples) {
      sampled++;
      for (Match m : e.findInField(s.field(), s.value())) {
        counts.merge(m.entity(), 1, Integer::sum);
        if (shown.getOrDefault(m.entity(), 0) < EXAMPLES_PER_ENTITY) {
          String masked = maskers.apply(m.entity()).mask(m.value());
          if (examples.add(m.entity() + " @ " + s.location() + " " + s.field() + ": " + masked)) {
            shown.merge(m.entity(), 1, Integer::sum);
          }
        }
      }
    }
    return new Exposure(counts, List.copyOf(examples), sampled);
  }

  /**
   * Runs the detection engine over what a {@code moat-discover} sampler read ({@code JdbcSampler},
   * {@code RedisSampler}): every value of every column, with the column name as context.
   */
  public Exposure detect(SampleResult sample) {
    List<SampleField> fields = new ArrayList<>();
    for (TableSample t : sample.tables()) {
      for (ColumnSample c : t.columns()) {
        for (String v : c.values()) {
          fields.add(new SampleField(t.qualifiedName(), c.name(), v));
        }
      }
    }
    return detect(fields);
  }

  /**
   * Limits for a {@code moat-discover} sampler run by a check: a few values of each of at most
   * {@link #sampleSize()} tables, key groups or collections.
   */
  public SampleLimits sampleLimits() {
    return SampleLimits.small(5, sampleSize);
  }

  /**
   * Starts a finding of {@code check} with texts from the check's bundle (see {@link
   * FindingBuilder}).
   *
   * @param findingId the finding's check id, {@code <check id>.<name>}, e.g. {@code redis.no-auth}
   */
  public FindingBuilder finding(Check check, String findingId) {
    return new FindingBuilder(check, findingId, this);
  }

  /** The port's shared plain {@code GET}s, or null when each check sends its own. */
  @Nullable SharedGets sharedGets() {
    return sharedGets;
  }

  /** Collects the parts of a {@link CheckContext}. */
  public static final class Builder {
    private final String host;
    private final InetAddress address;
    private final int port;
    private boolean tls;
    private Identity identity = Identity.UNKNOWN;
    private Limits limits = Limits.DEFAULT;
    private boolean sampling = true;
    private int sampleSize = 20;
    private @Nullable DetectionEngine engine;
    private Function<String, Masker> maskers = entity -> FallbackMasker.INSTANCE;
    private Locale locale = Locale.ENGLISH;
    private Clock clock = Clock.systemUTC();
    private @Nullable SharedGets sharedGets;

    private Builder(String host, InetAddress address, int port) {
      this.host = host;
      this.address = address;
      this.port = port;
    }

    /** Whether the port speaks TLS. */
    public Builder tls(boolean value) {
      this.tls = value;
      return this;
    }

    /** What fingerprinting recognised. */
    public Builder identity(Identity value) {
      this.identity = Objects.requireNonNull(value, "identity");
      return this;
    }

    /** Per-connection limits. */
    public Builder limits(Limits value) {
      this.limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    /** Sampling on or off. */
    public Builder sampling(boolean value) {
      this.sampling = value;
      return this;
    }

    /** The most keys, rows or documents sampled per check. */
    public Builder sampleSize(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("sampleSize must be >= 1: " + value);
      }
      this.sampleSize = value;
      return this;
    }

    /** The detection engine run on samples, and the masker of each entity for examples. */
    public Builder detection(DetectionEngine value, Function<String, Masker> maskerOfEntity) {
      this.engine = Objects.requireNonNull(value, "engine");
      this.maskers = Objects.requireNonNull(maskerOfEntity, "maskers");
      return this;
    }

    /** The user's locale for texts. */
    public Builder locale(Locale value) {
      this.locale = Objects.requireNonNull(value, "locale");
      return this;
    }

    /** The clock. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** The plain {@code GET}s this port's checks share (see {@link Http#get}). */
    public Builder sharedGets(SharedGets value) {
      this.sharedGets = Objects.requireNonNull(value, "sharedGets");
      return this;
    }

    /** The context. */
    public CheckContext build() {
      return new CheckContext(this);
    }
  }

  /** Masks all but the first and last two characters: used only when no masker is configured. */
  private enum FallbackMasker implements Masker {
    INSTANCE;

    @Override
    public String mask(String value) {
      int n = value.codePointCount(0, value.length());
      if (n <= 4) {
        return "*".repeat(n);
      }
      int headEnd = value.offsetByCodePoints(0, 2);
      int tailStart = value.offsetByCodePoints(0, n - 2);
      return value.substring(0, headEnd) + "*".repeat(n - 4) + value.substring(tailStart);
    }
  }
}
