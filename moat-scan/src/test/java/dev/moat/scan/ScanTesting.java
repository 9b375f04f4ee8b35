package dev.moat.scan;

import dev.moat.core.detect.DetectionEngine;
import dev.moat.core.mask.Maskers;
import dev.moat.scan.check.Checks;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

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
        .detection(DetectionEngine.standard(), Maskers::defaultFor);
  }

  /** Inspects one loopback port with every registered check. */
  public static PortResult inspect(int port) {
    return new PortInspector(fastConfig().build(), Checks.load())
        .inspect("127.0.0.1", loopback(), port, null);
  }
}
