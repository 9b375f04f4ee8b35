package dev.moat.scan;

import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.ServiceInfo;
import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Checks;
import dev.moat.scan.check.Identity;
import dev.moat.scan.check.SharedGets;
import dev.moat.scan.fingerprint.Fingerprint;
import dev.moat.scan.fingerprint.Fingerprinter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Fingerprints one open port and runs the checks of its service. Combining several checks' results
 * (several HTTP application checks on one port): the first check (by id) that refines the identity
 * names the service and decides {@code auth}; without one, the most open auth any check saw wins.
 * Findings are concatenated. A check that throws becomes an error line of the port.
 *
 * <p>The checks of one port run on up to {@value #LANES} threads at once (the port's worker and
 * helpers from a shared pool), each taking the next check in order: an HTTP port has a dozen
 * application checks of one or a few requests each, and one after another they were the last thing
 * a scan waited for. Their results are combined in check order, as if they had run one after
 * another. When the pool has no thread to spare, the worker runs the rest itself.
 *
 * <p>Thread-safe: stateless apart from immutable configuration and the helper pool.
 */
public final class PortInspector {
  /** Most checks of one port that run at once. */
  static final int LANES = 4;

  private static final int MAX_HELPERS = 64;

  private final ScanConfig config;
  private final Checks checks;
  private final Fingerprinter fingerprinter;
  private final ThreadPoolExecutor helpers;

  /** An inspector for {@code checks} with {@code config}. */
  public PortInspector(ScanConfig config, Checks checks) {
    this.config = config;
    this.checks = checks;
    this.fingerprinter =
        new Fingerprinter(checks, config.checkLimits(), config.bannerWait(), config.readTimeout());
    AtomicInteger n = new AtomicInteger();
    this.helpers =
        new ThreadPoolExecutor(
            0,
            MAX_HELPERS,
            3,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "moat-check-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Inspects {@code address:port}.
   *
   * @param host the host as the user gave it, used in the report
   * @param hint {@code http}/{@code https} for URL targets, else null
   */
  public PortResult inspect(String host, InetAddress address, int port, @Nullable String hint) {
    Fingerprint fp = fingerprinter.identify(new InetSocketAddress(address, port), hint);
    Identity identity = fp.identity();
    List<Check> list = checks.forService(identity.service());
    @Nullable Outcome[] outcomes = runAll(list, host, address, port, fp, identity);
    List<Finding> findings = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Identity claimed = null;
    Auth claimedAuth = null;
    Auth mostOpen = Auth.UNKNOWN;
    for (int i = 0; i < list.size(); i++) {
      Outcome o = outcomes[i];
      if (o == null) { // its lane died of an Error
        errors.add(list.get(i).id() + ": did not complete");
        continue;
      }
      if (o.error() != null) {
        errors.add(list.get(i).id() + ": " + o.error());
        continue;
      }
      CheckResult r = Objects.requireNonNull(o.result());
      findings.addAll(r.findings());
      if (r.identity() != null && claimed == null) {
        claimed = r.identity();
        claimedAuth = r.auth();
      }
      mostOpen = moreOpen(mostOpen, r.auth());
    }
    Identity finalId = claimed != null ? claimed : identity;
    Auth auth = claimedAuth != null ? claimedAuth : mostOpen;
    if (!findings.isEmpty() && auth == Auth.UNKNOWN) {
      auth = mostOpen;
    }
    ServiceInfo info =
        new ServiceInfo(
            host, port, finalId.service(), finalId.product(), finalId.version(), fp.tls(), auth);
    return new PortResult(info, findings, errors);
  }

  /** What one check gave: its result, or the description of what it threw. */
  private record Outcome(@Nullable CheckResult result, @Nullable String error) {}

  /**
   * Runs {@code list} on up to {@link #LANES} lanes: this thread and helpers, each taking the next
   * check; returns the outcomes by index.
   */
  private @Nullable Outcome[] runAll(
      List<Check> list,
      String host,
      InetAddress address,
      int port,
      Fingerprint fp,
      Identity identity) {
    @Nullable Outcome[] outcomes = new Outcome[list.size()];
    SharedGets gets = new SharedGets();
    AtomicInteger next = new AtomicInteger();
    Runnable lane =
        () -> {
          for (int i = next.getAndIncrement(); i < list.size(); i = next.getAndIncrement()) {
            CheckContext ctx =
                contextBuilder(host, address, port)
                    .tls(fp.tls())
                    .identity(identity)
                    .sharedGets(gets)
                    .build();
            try {
              outcomes[i] = new Outcome(list.get(i).run(ctx), null);
            } catch (Exception e) {
              outcomes[i] = new Outcome(null, describe(e));
            }
          }
        };
    int extra = Math.min(LANES, list.size()) - 1;
    CountDownLatch helped = new CountDownLatch(Math.max(0, extra));
    for (int h = 0; h < extra; h++) {
      try {
        helpers.execute(
            () -> {
              try {
                lane.run();
              } finally {
                helped.countDown();
              }
            });
      } catch (RejectedExecutionException e) {
        helped.countDown(); // no thread to spare: the lanes that run take its share
      }
    }
    lane.run();
    boolean interrupted = false;
    while (true) {
      try {
        helped.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // each check is bounded by its limits: the helpers end soon
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return outcomes;
  }

  private CheckContext.Builder contextBuilder(String host, InetAddress address, int port) {
    CheckContext.Builder b =
        CheckContext.builder(host, address, port)
            .limits(config.checkLimits())
            .sampling(config.sampling())
            .sampleSize(config.sampleSize())
            .locale(config.locale())
            .clock(config.clock());
    var engine = config.engine();
    if (engine != null) {
      b.detection(engine, config.maskers());
    }
    return b;
  }

  private static Auth moreOpen(Auth a, Auth b) {
    return rank(b) > rank(a) ? b : a;
  }

  private static int rank(Auth a) {
    return switch (a) {
      case NONE -> 3;
      case DEFAULT_CREDENTIALS -> 2;
      case REQUIRED -> 1;
      case UNKNOWN -> 0;
    };
  }

  static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
