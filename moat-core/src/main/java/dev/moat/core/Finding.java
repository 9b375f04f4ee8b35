package dev.moat.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One problem found on one target, as in the {@code moat scan --format json} contract.
 *
 * <p>{@code title}, {@code detail} and {@code remediation} are already in the user's language.
 * {@code evidence} holds only masked values; {@code exposure} counts entities by id.
 *
 * @param id stable id: the same check on the same target gives the same id across runs
 * @param check check id such as {@code redis.no-auth}
 * @param service service name such as {@code redis}
 * @param references obligation ids such as {@code DSL-27}, {@code PIPL-51}
 */
public record Finding(
    String id,
    String check,
    String service,
    String host,
    int port,
    Severity severity,
    String title,
    String detail,
    List<String> evidence,
    Map<String, Integer> exposure,
    String remediation,
    List<String> references) {

  public Finding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(remediation, "remediation");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535: " + port);
    }
    evidence = List.copyOf(evidence);
    exposure = Map.copyOf(exposure);
    references = List.copyOf(references);
  }
}
