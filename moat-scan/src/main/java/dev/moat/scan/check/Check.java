package dev.moat.scan.check;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * A read-only check for one service: how to recognise it ({@link #probes()}) and how to find out,
 * without changing anything on the target, whether it hands out data without credentials or with
 * factory-default ones ({@link #run}). See the package documentation for how to write one.
 *
 * <p>Implementations are stateless and thread-safe (one instance serves every port), public, with a
 * public no-argument constructor, and listed in {@code
 * META-INF/services/dev.moat.scan.check.Check}.
 */
public interface Check {

  /**
   * Stable id, also the prefix of this check's finding ids and text keys: {@code redis} gives
   * findings {@code redis.no-auth} with texts {@code redis.no-auth.title} … in the check's bundle.
   */
  String id();

  /**
   * The service names (as fingerprinting reports them) this check runs on, e.g. {@code redis}; an
   * HTTP application check runs on {@code http} and {@code https}.
   */
  Set<String> services();

  /** How to recognise the service on any port; empty when other checks' probes recognise it. */
  default List<Probe> probes() {
    return List.of();
  }

  /**
   * The service's usual ports. They join the default port set of {@code moat scan}, and on them
   * this check's probes are tried first.
   */
  default Set<Integer> defaultPorts() {
    return Set.of();
  }

  /**
   * Verifies access on a port fingerprinted as one of {@link #services()}. Read-only: never write,
   * create, delete or execute on the target. Any exception is caught by the scanner and reported
   * against the port; it never stops the scan.
   *
   * @return what the check saw: {@link CheckResult#notApplicable()} when the port is not this
   *     product after all (an HTTP server that is not Elasticsearch)
   */
  CheckResult run(CheckContext ctx) throws IOException;
}
