package dev.moat.scan;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of a running scan, safe to read from another thread (a progress bar). The totals
 * are known up front because targets are counted before they are expanded.
 */
public final class ScanProgress {
  private final long totalEndpoints;
  private final long totalHosts;
  final AtomicLong swept = new AtomicLong();
  final AtomicLong open = new AtomicLong();
  final AtomicLong inspected = new AtomicLong();
  final AtomicLong findings = new AtomicLong();
  final AtomicLong hostsStarted = new AtomicLong();

  ScanProgress(long totalEndpoints, long totalHosts) {
    this.totalEndpoints = totalEndpoints;
    this.totalHosts = totalHosts;
  }

  /** Endpoints (address × port) to sweep, before exclusions; saturates at Long.MAX_VALUE. */
  public long totalEndpoints() {
    return totalEndpoints;
  }

  /** Hosts to sweep, before exclusions. */
  public long totalHosts() {
    return totalHosts;
  }

  /** Hosts whose sweep has started. */
  public long hostsStarted() {
    return hostsStarted.get();
  }

  /** Endpoints swept so far. */
  public long swept() {
    return swept.get();
  }

  /** Open ports found so far. */
  public long open() {
    return open.get();
  }

  /** Open ports fingerprinted and checked so far. */
  public long inspected() {
    return inspected.get();
  }

  /** Findings so far. */
  public long findings() {
    return findings.get();
  }
}
