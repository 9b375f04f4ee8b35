package dev.moat.scan.check.actuator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.Severity;
import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Exposure;
import dev.moat.scan.check.Http;
import dev.moat.scan.check.SampleField;
import dev.moat.scan.check.web.Web;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Spring Boot Actuator endpoints open to anyone. Tries the usual base paths ({@code /actuator} and
 * the {@code /api}, {@code /manage} prefixes); a base counts only when it returns the discovery
 * document: JSON with {@code _links.self.href} ending in the base path (a catch-all page never
 * does). Then, from the advertised links only:
 *
 * <ul>
 *   <li>{@code env}: 200 with {@code activeProfiles} and {@code propertySources}; property
 *       <em>names</em> are evidence, values go to detection (Spring Boot 3 masks them by default,
 *       older versions do not);
 *   <li>{@code heapdump}: {@code HEAD} only — a 200 means anyone can download the JVM heap with
 *       every password, key and session in it (never downloaded);
 *   <li>{@code mappings}, {@code beans}, {@code configprops}, {@code loggers}: listed as exposed.
 * </ul>
 *
 * Severity: heap dump critical, env or configprops high, other endpoints beyond health/info medium,
 * health and info only: no finding. Read-only: GET and HEAD; never POST to loggers, refresh,
 * shutdown or restart.
 */
public final class ActuatorCheck implements Check {
  static final String ID = "actuator";
  private static final List<String> BASES = List.of("/actuator", "/api/actuator", "/manage");
  private static final Set<String> HARMLESS = Set.of("self", "health", "health-path", "info");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<String> services() {
    return Set.of("http", "https");
  }

  @Override
  public CheckResult run(CheckContext ctx) {
    for (String base : BASES) {
      Optional<JsonNode> links = Web.json(Web.get(ctx, base)).map(j -> j.path("_links"));
      if (links.isEmpty()
          || !links.get().isObject()
          || !links.get().path("self").path("href").asText("").endsWith(base)) {
        continue;
      }
      return inspect(ctx, base, links.get());
    }
    return CheckResult.notApplicable();
  }

  private CheckResult inspect(CheckContext ctx, String base, JsonNode links) {
    Set<String> names = new TreeSet<>();
    links.fieldNames().forEachRemaining(n -> names.add(n));
    List<String> evidence = new ArrayList<>();
    evidence.add("GET " + base + ": " + names);
    Severity severity = Severity.INFO;
    List<SampleField> samples = new ArrayList<>();
    if (names.contains("env")) {
      Optional<JsonNode> env = Web.json(Web.get(ctx, base + "/env"));
      if (env.isPresent() && env.get().has("propertySources") && env.get().has("activeProfiles")) {
        severity = Severity.HIGH;
        Set<String> properties = new TreeSet<>();
        for (JsonNode source : env.get().path("propertySources")) {
          for (Map.Entry<String, JsonNode> p : source.path("properties").properties()) {
            properties.add(p.getKey());
            String value = p.getValue().path("value").asText("");
            if (!value.isEmpty() && !value.chars().allMatch(c -> c == '*')) {
              samples.add(new SampleField(base + "/env", p.getKey(), value));
            }
          }
        }
        evidence.add(
            "GET "
                + base
                + "/env: "
                + properties.size()
                + " properties, e.g. "
                + first(properties, 12));
      }
    }
    if (names.contains("heapdump")) {
      Optional<Http.Response> heap = Web.head(ctx, base + "/heapdump");
      if (heap.isPresent() && heap.get().status() == 200) {
        severity = Severity.CRITICAL;
        evidence.add(
            "HEAD "
                + base
                + "/heapdump: 200 "
                + heap.get().header("Content-Type").orElse("")
                + " (not downloaded)");
      }
    }
    if (names.contains("configprops") && !severity.atLeast(Severity.HIGH)) {
      severity = Severity.HIGH;
    }
    boolean other = names.stream().anyMatch(n -> !HARMLESS.contains(n));
    if (other && !severity.atLeast(Severity.MEDIUM)) {
      severity = Severity.MEDIUM;
    }
    if (severity == Severity.INFO) {
      return CheckResult.notApplicable();
    }
    Exposure exposure = ctx.detect(samples);
    Finding f =
        ctx.finding(this, "actuator.exposed")
            .severity(severity)
            .detailArgs(ctx.host(), String.valueOf(ctx.port()), base, String.join(", ", names))
            .evidence(evidence)
            .exposure(exposure)
            .key(base)
            .build();
    return new CheckResult(null, Auth.NONE, List.of(f));
  }

  private static List<String> first(Set<String> s, int n) {
    return s.stream().limit(n).toList();
  }
}
