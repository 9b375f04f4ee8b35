package dev.moat.scan;

import dev.moat.core.Finding;
import dev.moat.core.ScanReport;
import dev.moat.core.ServiceInfo;
import dev.moat.scan.check.Checks;
import dev.moat.scan.sweep.PortSweep;
import dev.moat.scan.target.Endpoint;
import dev.moat.scan.target.PortSet;
import dev.moat.scan.target.Targets;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs a scan: the sweep on the calling thread, and each open port handed to a fixed pool of {@link
 * ScanConfig#workers()} threads that fingerprint it and run its checks ({@link PortInspector}).
 * Per-port limits bound every task, so the pool always drains; a failing check is an error line of
 * its port, never the end of the scan.
 *
 * <p>The checks are loaded and the fingerprinter built on the first worker while the sweep starts
 * on the calling thread: on a fresh JVM that is tens of milliseconds of class loading that no
 * longer delays the first connect. Workers wait for it; if it fails, the scan fails with its
 * exception once the sweep is over.
 *
 * <p>The report lists services by address and port and findings by severity, then address and port,
 * so two runs over the same network give the same order.
 */
public final class Scanner {
  private final ScanConfig config;
  private final Supplier<Checks> checks;
  private volatile @Nullable PortInspector inspector;

  /** A scanner with {@code config} and {@code checks}. */
  public Scanner(ScanConfig config, Checks checks) {
    this(config, () -> checks);
    Objects.requireNonNull(checks, "checks");
  }

  /**
   * A scanner with {@code config} and the checks {@code checks} gives, asked once, on a worker
   * thread, when the first scan starts (e.g. {@code Checks::load}).
   */
  public Scanner(ScanConfig config, Supplier<Checks> checks) {
    this.config = Objects.requireNonNull(config, "config");
    this.checks = Objects.requireNonNull(checks, "checks");
  }

  /**
   * Selector threads for the sweep: an unlimited or very high rate (a host of one's own, a lab) is
   * bound by the kernel's work per connect, which a second core nearly halves on loopback; a
   * rate-limited sweep needs one.
   */
  private int sweepThreads() {
    boolean fast = config.rate() == 0 || config.rate() > 20_000;
    int cpus = Runtime.getRuntime().availableProcessors();
    return fast ? Math.max(1, Math.min(Math.min(4, cpus), config.concurrency())) : 1;
  }

  /** Starts tracking a scan of {@code targets} over {@code ports}. */
  public ScanProgress progressFor(Targets targets, PortSet ports) {
    return new ScanProgress(saturate(targets.endpointCount(ports)), saturate(targets.hostCount()));
  }

  /**
   * Scans.
   *
   * @param progress counters from {@link #progressFor}, updated as the scan runs
   * @param portErrors told about each per-port error (a check that failed), from worker threads
   * @throws IOException when the sweep cannot start (no selector)
   * @throws InterruptedException when interrupted while waiting for the workers
   */
  public ScanReport scan(
      Targets targets, PortSet ports, ScanProgress progress, Consumer<String> portErrors)
      throws IOException, InterruptedException {
    Instant started = config.clock().instant();
    ConcurrentLinkedQueue<PortResult> results = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(config.workers(), workerThreads());
    try {
      pool.execute(this::prepareQuietly); // first in the queue: ready before the first open port
      PortSweep sweep =
          new PortSweep(
              config.concurrency(), config.rate(), config.connectTimeout(), sweepThreads());
      Iterator<Endpoint> endpoints = targets.endpoints(ports);
      // read by one sweep thread at a time: counts each host as its first port is taken
      Iterator<Endpoint> counted =
          new Iterator<>() {
            private @Nullable InetAddress lastHost;

            @Override
            public boolean hasNext() {
              return endpoints.hasNext();
            }

            @Override
            public Endpoint next() {
              Endpoint e = endpoints.next();
              if (!e.address().equals(lastHost)) {
                lastHost = e.address();
                progress.hostsStarted.incrementAndGet();
              }
              return e;
            }
          };
      sweep.run(
          counted,
          open -> {
            progress.open.incrementAndGet();
            pool.execute(() -> inspect(open, progress, results, portErrors));
          },
          (e, open) -> progress.swept.incrementAndGet());
      pool.shutdown();
      while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
        // each task is bounded by its limits; keep waiting
      }
    } finally {
      pool.shutdownNow();
    }
    inspector(); // throws here, on the caller's thread, what the workers could not build
    List<PortResult> sorted = new ArrayList<>(results);
    sorted.sort(
        Comparator.comparing((PortResult r) -> addressKey(r.service().host()))
            .thenComparing(r -> r.service().host())
            .thenComparingInt(r -> r.service().port()));
    List<ServiceInfo> services = sorted.stream().map(PortResult::service).toList();
    List<Finding> findings = new ArrayList<>();
    sorted.forEach(r -> findings.addAll(r.findings()));
    findings.sort(Comparator.comparing(Finding::severity)); // stable: keeps address order
    return new ScanReport(
        ScanReport.class.getPackage().getImplementationVersion() == null
            ? "0.1.0"
            : ScanReport.class.getPackage().getImplementationVersion(),
        started,
        config.clock().instant(),
        targets.given(),
        services,
        findings);
  }

  private void inspect(
      Endpoint e,
      ScanProgress progress,
      ConcurrentLinkedQueue<PortResult> results,
      Consumer<String> portErrors) {
    try {
      PortResult r = inspector().inspect(e.host(), e.address(), e.port(), e.hint());
      results.add(r);
      progress.findings.addAndGet(r.findings().size());
      r.errors().forEach(msg -> portErrors.accept(e.host() + ":" + e.port() + " " + msg));
    } catch (RuntimeException ex) {
      portErrors.accept(e.host() + ":" + e.port() + " " + PortInspector.describe(ex));
    } finally {
      progress.inspected.incrementAndGet();
    }
  }

  /** The inspector, built by the first caller. */
  private PortInspector inspector() {
    PortInspector i = inspector;
    if (i == null) {
      synchronized (this) {
        i = inspector;
        if (i == null) {
          i = new PortInspector(config, checks.get());
          inspector = i;
        }
      }
    }
    return i;
  }

  private void prepareQuietly() {
    try {
      inspector();
    } catch (RuntimeException e) {
      // thrown again by scan() once the sweep is over
    }
  }

  private static BigInteger addressKey(String host) {
    try {
      if (host.matches("[0-9.]+") || host.contains(":")) {
        return new BigInteger(1, InetAddress.getByName(host).getAddress());
      }
    } catch (IOException e) {
      // names sort after addresses
    }
    return BigInteger.ONE.shiftLeft(130);
  }

  private static long saturate(BigInteger n) {
    return n.bitLength() >= 63 ? Long.MAX_VALUE : n.longValue();
  }

  private static ThreadFactory workerThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "moat-scan-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
