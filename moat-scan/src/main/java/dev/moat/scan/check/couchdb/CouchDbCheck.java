package dev.moat.scan.check.couchdb;

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
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CouchDB without authentication ("admin party", or public databases). Runs on HTTP ports: {@code
 * GET /} answering {@code "couchdb":"Welcome"} identifies CouchDB — that page is public by design
 * and proves nothing. Verification: {@code GET /_all_dbs} returning a JSON array = open; 401 {@code
 * unauthorized} (CouchDB 3's {@code admin_only_all_dbs = true}, or {@code require_valid_user}) =
 * locked. {@code GET /_users/_all_docs} readable means the user database itself is open.
 *
 * <p>Read-only: GET of {@code /}, {@code /_all_dbs}, {@code /_users/_all_docs} and {@code
 * /<db>/_all_docs?include_docs=true&limit=n}. Never PUT, POST, DELETE, {@code _config} writes or
 * replication.
 */
public final class CouchDbCheck implements Check {
  static final String SERVICE = "couchdb";
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
    return Set.of(5984, 6984);
  }

  @Override
  public CheckResult run(CheckContext ctx) {
    Optional<JsonNode> welcome = Web.json(Web.get(ctx, "/"));
    if (welcome.isEmpty() || !"Welcome".equals(welcome.get().path("couchdb").asText())) {
      return CheckResult.notApplicable();
    }
    Identity id = Identity.of(SERVICE, "CouchDB", welcome.get().path("version").asText(null));
    Optional<Http.Response> all = Web.get(ctx, "/_all_dbs");
    if (all.isEmpty()) {
      return CheckResult.undetermined(id);
    }
    if (all.get().status() == 401 || all.get().status() == 403) {
      return CheckResult.locked(id);
    }
    Optional<JsonNode> dbs = Web.json(all);
    if (dbs.isEmpty() || !dbs.get().isArray()) {
      return CheckResult.undetermined(id);
    }
    List<String> names = new ArrayList<>();
    dbs.get().forEach(d -> names.add(d.asText()));
    List<String> evidence = new ArrayList<>();
    evidence.add("GET /_all_dbs: " + names.subList(0, Math.min(names.size(), 20)));
    boolean users =
        Web.get(ctx, "/_users/_all_docs?limit=1").map(r -> r.status() == 200).orElse(false);
    if (users) {
      evidence.add("GET /_users/_all_docs: 200 (the user database is readable)");
    }
    List<SampleField> samples = new ArrayList<>();
    if (ctx.sampling()) {
      int done = 0;
      for (String db : names) {
        if (db.startsWith("_") || done >= MAX_DATABASES) {
          continue;
        }
        done++;
        String path =
            "/"
                + URLEncoder.encode(db, StandardCharsets.UTF_8)
                + "/_all_docs?include_docs=true&limit="
                + ctx.sampleSize();
        Web.json(Web.get(ctx, path))
            .ifPresent(
                rows -> {
                  for (JsonNode row : rows.path("rows")) {
                    flatten(
                        db + "/" + Web.redactName(row.path("id").asText()),
                        row.path("doc"),
                        samples);
                  }
                });
      }
    }
    Exposure exposure = ctx.detect(samples);
    Finding f =
        ctx.finding(this, "couchdb.no-auth")
            .service(SERVICE)
            .severity(users ? Severity.CRITICAL : Severity.HIGH)
            .detailArgs(
                id.productVersion().orElse("?"),
                ctx.host(),
                String.valueOf(ctx.port()),
                String.valueOf(names.size()))
            .evidence(evidence)
            .exposure(exposure)
            .build();
    return CheckResult.open(id, Auth.NONE, List.of(f));
  }

  /** Adds the string fields of a document (one level of nesting) as samples. */
  private static void flatten(String where, JsonNode doc, List<SampleField> out) {
    for (Map.Entry<String, JsonNode> e : doc.properties()) {
      if (e.getKey().startsWith("_")) {
        continue;
      }
      if (e.getValue().isValueNode()) {
        out.add(new SampleField(where, e.getKey(), e.getValue().asText()));
      } else if (e.getValue().isObject()) {
        e.getValue()
            .properties()
            .forEach(
                inner -> {
                  if (inner.getValue().isValueNode()) {
                    out.add(new SampleField(where, inner.getKey(), inner.getValue().asText()));
                  }
                });
      }
    }
  }
}
