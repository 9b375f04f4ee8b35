package dev.moat.scan;

import dev.moat.core.Finding;
import dev.moat.core.ServiceInfo;
import java.util.List;
import java.util.Objects;

/**
 * Everything found on one open port.
 *
 * @param service the service entry of the report
 * @param findings the findings, empty for a locked or unknown service
 * @param errors what went wrong on this port (a check that failed), for stderr; never fatal
 */
public record PortResult(ServiceInfo service, List<Finding> findings, List<String> errors) {
  public PortResult {
    Objects.requireNonNull(service, "service");
    findings = List.copyOf(findings);
    errors = List.copyOf(errors);
  }
}
