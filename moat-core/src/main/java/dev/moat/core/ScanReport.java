package dev.moat.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of one {@code moat scan} run: every open port found and every finding, as in the
 * {@code moat scan --format json} contract of DESIGN.md.
 *
 * @param scannerVersion Moat's version
 * @param targets the targets as the user gave them
 */
public record ScanReport(
    String scannerVersion,
    Instant startedAt,
    Instant finishedAt,
    List<String> targets,
    List<ServiceInfo> services,
    List<Finding> findings) {

  public ScanReport {
    Objects.requireNonNull(scannerVersion, "scannerVersion");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    targets = List.copyOf(targets);
    services = List.copyOf(services);
    findings = List.copyOf(findings);
  }
}
