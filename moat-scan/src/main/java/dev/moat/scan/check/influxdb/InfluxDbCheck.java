package dev.moat.scan.check.influxdb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.Severity;
import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Exposure;
import dev.moat.scan.check.Http;
import dev.moat.scan.check.Identity;
import dev.moat.scan.check.SampleField;
import dev.moat.scan.check.web.Web;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * InfluxDB 1.x without authentication. Runs on HTTP ports: {@code GET /ping} answering 204 with an
 * {@code X-Influxdb-Version} header identifies InfluxDB on any port. Verification: {@code GET
 * /query?q=SHOW DATABASES} returning a {@code databases} series = open; 401/403, or an {@code
 * error} naming authorization ({@code auth-enabled = true}) = locked.
 *
 * <p>Read-only: GET /ping and GET /query with {@code SHOW DATABASES}, {@code SHOW MEASUREMENTS} and
 * {@code SELECT … LIMIT n} (InfluxDB refuses writing statements over GET anyway). Never /write,
 * never CREATE, DROP or GRANT.
 */
public final class InfluxDbCheck implements Check {
  static final String SERVICE = "influxdb";
  private static final int MAX_DATABASES = 2;

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
    return Set.of(8086);
  }

  @Override
  public CheckResult run(CheckContext ctx) {
    Optional<Http.Response> ping = Web.get(ctx, "/ping");
    Optional<String> version = ping.flatMap(r -> r.header("X-Influxdb-Version"));
    if (ping.isEmpty() || ping.get().status() != 204 || version.isEmpty()) {
      return CheckResult.notApplicable();
    }
    Identity id = Identity.of(SERVICE, "InfluxDB", version.get());
    Optional<Http.Response> show = query(ctx, null, "SHOW DATABASES");
    if (show.isEmpty()) {
      return CheckResult.undetermined(id);
    }
    int status = show.get().status();
    String text = show.get().text();
    if (status == 401
        || status == 403
        || text.contains("authoriz")
        || text.contains("create admin user")) {
      return CheckResult.locked(id);
    }
    Optional<JsonNode> json = Web.json(show);
    if (json.isEmpty() || !json.get().has("results")) {
      return CheckResult.undetermined(id);
    }
    List<String> databases = new ArrayList<>();
    for (JsonNode row : json.get().at("/results/0/series/0/values")) {
      databases.add(row.path(0).asText());
    }
    List<String> evidence = new ArrayList<>();
    evidence.add("X-Influxdb-Version: " + version.get());
    evidence.add("SHOW DATABASES: " + databases);
    List<SampleField> samples = new ArrayList<>();
    if (ctx.sampling()) {
      sample(ctx, databases, evidence, samples);
    }
    Exposure exposure = ctx.detect(samples);
    Finding f =
        ctx.finding(this, "influxdb.no-auth")
            .service(SERVICE)
            .severity(Severity.HIGH)
            .detailArgs(
                version.get(),
                ctx.host(),
                String.valueOf(ctx.port()),
                String.valueOf(databases.size()))
            .evidence(evidence)
            .exposure(exposure)
            .build();
    return CheckResult.open(id, Auth.NONE, List.of(f));
  }

  private static void sample(
      CheckContext ctx, List<String> databases, List<String> evidence, List<SampleField> samples) {
    int done = 0;
    for (String db : databases) {
      if (db.startsWith("_") || done >= MAX_DATABASES) {
        continue;
      }
      done++;
      List<String> measurements = new ArrayList<>();
      Web.json(query(ctx, db, "SHOW MEASUREMENTS LIMIT 5"))
          .ifPresent(
              j ->
                  j.at("/results/0/series/0/values")
                      .forEach(v -> measurements.add(v.path(0).asText())));
      evidence.add("SHOW MEASUREMENTS ON " + db + ": " + measurements);
      for (String m : measurements) {
        String select =
            "SELECT * FROM \""
                + m.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\" LIMIT "
                + ctx.sampleSize();
        Optional<JsonNode> rows = Web.json(query(ctx, db, select));
        if (rows.isEmpty()) {
          continue;
        }
        JsonNode series = rows.get().at("/results/0/series/0");
        JsonNode columns = series.path("columns");
        for (JsonNode row : series.path("values")) {
          for (int i = 0; i < row.size() && i < columns.size(); i++) {
            if (row.get(i).isTextual()) {
              samples.add(
                  new SampleField(db + "." + m, columns.get(i).asText(), row.get(i).asText()));
            }
          }
        }
      }
    }
  }

  private static Optional<Http.Response> query(
      CheckContext ctx, @org.jspecify.annotations.Nullable String db, String q) {
    String path = "/query?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    if (db != null) {
      path += "&db=" + URLEncoder.encode(db, StandardCharsets.UTF_8);
    }
    return Web.get(ctx, path);
  }
}
