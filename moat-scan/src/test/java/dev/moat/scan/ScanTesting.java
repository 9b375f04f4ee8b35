package dev.moat.scan;

import dev.moat.core.detect.Confidence;
import dev.moat.core.detect.DetectionEngine;
import dev.moat.core.detect.Match;
import dev.moat.scan.check.Checks;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Shared helpers for scan tests. */
public final class ScanTesting {
  private ScanTesting() {}

  /** 127.0.0.1 without a lookup. */
  public static InetAddress loopback() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A config with short waits, suitable for loopback. */
  public static ScanConfig.Builder fastConfig() {
    return ScanConfig.builder()
        .bannerWait(Duration.ofMillis(300))
        .readTimeout(Duration.ofMillis(1000))
        .detection(new MobileEngine(), e -> v -> v.substring(0, 3) + "****" + v.substring(7));
  }

  /** Inspects one loopback port with every registered check. */
  public static PortResult inspect(int port) {
    return new PortInspector(fastConfig().build(), Checks.load())
        .inspect("127.0.0.1", loopback(), port, null);
  }

  /**
   * A stand-in detection engine that finds mainland mobile numbers only; the real engine is wired
   * by the CLI. Enough to show that samples reach detection and only masked values come out.
   */
  public static final class MobileEngine implements DetectionEngine {
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

    @Override
    public List<Match> find(CharSequence text) {
      List<Match> out = new ArrayList<>();
      var m = MOBILE.matcher(text);
      while (m.find()) {
        out.add(new Match("CN_MOBILE", m.start(), m.end(), Confidence.MEDIUM, m.group()));
      }
      return out;
    }

    @Override
    public List<Match> findInField(String fieldName, CharSequence value) {
      return find(value);
    }

    @Override
    public void scan(Reader in, StreamSink sink) {
      throw new UnsupportedOperationException("not used by the scanner");
    }
  }
}
