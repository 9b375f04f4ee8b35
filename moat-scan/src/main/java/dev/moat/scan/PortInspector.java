package dev.moat.scan;

import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.ServiceInfo;
import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Checks;
import dev.moat.scan.check.Identity;
import dev.moat.scan.fingerprint.Fingerprint;
import dev.moat.scan.fingerprint.Fingerprinter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Fingerprints one open port and runs the checks of its service. Combining several checks' results
 * (several HTTP application checks on one port): the first check (by id) that refines the identity
 * names the service and decides {@code auth}; without one, the most open auth any check saw wins.
 * Findings are concatenated. A check that throws becomes an error line of the port.
 *
 * <p>Thread-safe: stateless apart from immutable configuration.
 */
public final class PortInspector {
  private final ScanConfig config;
  private final Checks checks;
  private final Fingerprinter fingerprinter;

  /** An inspector for {@code checks} with {@code config}. */
  public PortInspector(ScanConfig config, Checks checks) {
    this.config = config;
    this.checks = checks;
    this.fingerprinter =
        new Fingerprinter(checks, config.checkLimits(), config.bannerWait(), config.readTimeout());
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
    List<Finding> findings = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Identity claimed = null;
    Auth claimedAuth = null;
    Auth mostOpen = Auth.UNKNOWN;
    for (Check check : checks.forService(identity.service())) {
      CheckContext ctx =
          contextBuilder(host, address, port).tls(fp.tls()).identity(identity).build();
      CheckResult r;
      try {
        r = check.run(ctx);
      } catch (Exception e) {
        errors.add(check.id() + ": " + describe(e));
        continue;
      }
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
