package dev.moat.scan.check.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.Severity;
import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Http;
import dev.moat.scan.check.Identity;
import dev.moat.scan.check.web.Web;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus and its exporters without authentication (information disclosure). Runs on HTTP ports:
 *
 * <ul>
 *   <li>Prometheus server: {@code GET /api/v1/status/buildinfo} ({@code "status":"success"} and a
 *       version), then {@code GET /api/v1/targets}: the scrape targets map the internal network;
 *   <li>exporters: {@code GET /metrics} in the text exposition format ({@code # HELP} and {@code #
 *       TYPE} lines) with a {@code *_build_info} metric naming the exporter.
 * </ul>
 *
 * 401 ({@code --web.config.file} basic auth) = locked. Metric values are not sampled for personal
 * data: they are host facts, and label addresses would drown the signal.
 *
 * <p>Read-only: GET only. The admin API ({@code /api/v1/admin/…}, snapshots, delete series) is
 * never called.
 */
public final class PrometheusCheck implements Check {
  static final String SERVICE = "prometheus";
  private static final Pattern BUILD_INFO =
      Pattern.compile("^(\\w+?)_build_info\\{[^}]*version=\"([^\"]*)\"", Pattern.MULTILINE);

  @Override
  public String id() {
    return SERVICE;
  }

  @Override
  public Set<String> services() {
    return Set.of(SERVICE, "http", "https");
  }

  @Override
  public Set<Integer> defaultPorts() {
    return Set.of(9090, 9100);
  }

  @Override
  public CheckResult run(CheckContext ctx) {
    Optional<Http.Response> build = Web.get(ctx, "/api/v1/status/buildinfo");
    Optional<JsonNode> info = Web.json(build);
    if (info.isPresent() && "success".equals(info.get().path("status").asText())) {
      return server(ctx, info.get().at("/data/version").asText(null));
    }
    Optional<Http.Response> metrics = Web.get(ctx, "/metrics");
    if (metrics.isEmpty()) {
      return CheckResult.notApplicable();
    }
    Http.Response m = metrics.get();
    boolean challenged =
        m.status() == 401 && m.header("WWW-Authenticate").orElse("").startsWith("Basic");
    if (challenged && build.map(r -> r.status() == 401).orElse(false)) {
      // both Prometheus paths ask for credentials: a Prometheus or exporter behind web.config
      return CheckResult.locked(Identity.of(SERVICE, "Prometheus exporter", null));
    }
    String text = m.text();
    if (m.status() != 200 || !text.contains("# HELP ") || !text.contains("# TYPE ")) {
      return CheckResult.notApplicable();
    }
    Matcher b = BUILD_INFO.matcher(text);
    if (!b.find()) {
      return CheckResult.notApplicable();
    }
    String exporter = b.group(1);
    Identity id = Identity.of(SERVICE, exporter, b.group(2));
    long series = text.lines().filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
    List<String> evidence = new ArrayList<>();
    evidence.add(
        "GET /metrics: " + series + " samples, " + exporter + "_build_info version " + b.group(2));
    text.lines()
        .filter(l -> l.startsWith("node_uname_info") || l.startsWith("node_os_info"))
        .limit(2)
        .forEach(l -> evidence.add(Web.clip(l, 300)));
    Finding f =
        ctx.finding(this, "prometheus.metrics-exposed")
            .service(SERVICE)
            .severity(Severity.LOW)
            .detailArgs(exporter, ctx.host(), String.valueOf(ctx.port()), String.valueOf(series))
            .evidence(evidence)
            .build();
    return CheckResult.open(id, Auth.NONE, List.of(f));
  }

  private CheckResult server(CheckContext ctx, @org.jspecify.annotations.Nullable String version) {
    Identity id = Identity.of(SERVICE, "Prometheus", version);
    List<String> evidence = new ArrayList<>();
    evidence.add("GET /api/v1/status/buildinfo: version " + version);
    List<String> targets = new ArrayList<>();
    int count = 0;
    Optional<JsonNode> t = Web.json(Web.get(ctx, "/api/v1/targets?state=active"));
    if (t.isPresent()) {
      for (JsonNode target : t.get().at("/data/activeTargets")) {
        count++;
        if (targets.size() < 5) {
          targets.add(target.path("scrapeUrl").asText());
        }
      }
    }
    evidence.add("GET /api/v1/targets: " + count + " active targets, e.g. " + targets);
    Finding f =
        ctx.finding(this, "prometheus.api-exposed")
            .service(SERVICE)
            .severity(Severity.MEDIUM)
            .detailArgs(
                version == null ? "?" : version,
                ctx.host(),
                String.valueOf(ctx.port()),
                String.valueOf(count))
            .evidence(evidence)
            .build();
    return CheckResult.open(id, Auth.NONE, List.of(f));
  }
}
