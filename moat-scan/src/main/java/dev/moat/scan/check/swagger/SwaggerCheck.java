package dev.moat.scan.check.swagger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.Severity;
import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Http;
import dev.moat.scan.check.web.Web;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Swagger / OpenAPI descriptions exposed to anyone. A description counts when one of the usual
 * paths ({@code /v2/api-docs}, {@code /v3/api-docs}, {@code /swagger.json}, {@code /openapi.json},
 * {@code /api-docs}, {@code /swagger/v1/swagger.json}) returns JSON with {@code "swagger":"2.…"} or
 * {@code "openapi":"3.…"} <b>and</b> a {@code paths} object; the UI counts when {@code
 * /swagger-ui.html} or {@code /swagger-ui/index.html} is a 200 page naming Swagger UI. The evidence
 * is the API title and the number of paths and operations — exposure of the attack surface, not of
 * data by itself, hence a low base severity.
 *
 * <p>Read-only: GET only; operations in the description are never called.
 */
public final class SwaggerCheck implements Check {
  static final String ID = "swagger";
  private static final List<String> DOCS =
      List.of(
          "/v2/api-docs",
          "/v3/api-docs",
          "/swagger.json",
          "/openapi.json",
          "/api-docs",
          "/swagger/v1/swagger.json");
  private static final List<String> UI = List.of("/swagger-ui.html", "/swagger-ui/index.html");
  private static final Set<String> VERBS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

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
    List<String> evidence = new ArrayList<>();
    int paths = 0;
    int operations = 0;
    String title = "?";
    for (String p : DOCS) {
      Optional<JsonNode> doc = Web.json(Web.get(ctx, p));
      if (doc.isEmpty() || !description(doc.get())) {
        continue;
      }
      JsonNode d = doc.get();
      title = d.at("/info/title").asText("?");
      Iterator<String> names = d.path("paths").fieldNames();
      List<String> firstPaths = new ArrayList<>();
      while (names.hasNext()) {
        String name = names.next();
        paths++;
        if (firstPaths.size() < 8) {
          firstPaths.add(name);
        }
        Iterator<String> verbs = d.path("paths").path(name).fieldNames();
        while (verbs.hasNext()) {
          if (VERBS.contains(verbs.next().toLowerCase(Locale.ROOT))) {
            operations++;
          }
        }
      }
      evidence.add(
          "GET "
              + p
              + ": "
              + Web.clip(title, 80)
              + ", "
              + paths
              + " paths, "
              + operations
              + " operations, e.g. "
              + firstPaths);
      break;
    }
    for (String p : UI) {
      Optional<Http.Response> ui = Web.get(ctx, p);
      if (ui.isPresent() && ui.get().status() == 200) {
        String t = ui.get().text();
        if (t.contains("swagger-ui")
            && (t.contains("Swagger UI") || t.contains("swagger-ui-bundle.js"))) {
          evidence.add("GET " + p + ": Swagger UI");
          break;
        }
      }
    }
    if (evidence.isEmpty()) {
      return CheckResult.notApplicable();
    }
    Finding f =
        ctx.finding(this, "swagger.exposed")
            .severity(Severity.LOW)
            .detailArgs(
                ctx.host(),
                String.valueOf(ctx.port()),
                Web.clip(title, 80),
                String.valueOf(paths),
                String.valueOf(operations))
            .evidence(evidence)
            .build();
    return new CheckResult(null, Auth.NONE, List.of(f));
  }

  static boolean description(JsonNode d) {
    boolean versioned =
        d.path("swagger").asText("").startsWith("2.")
            || d.path("openapi").asText("").startsWith("3.");
    return versioned && d.path("paths").isObject();
  }
}
