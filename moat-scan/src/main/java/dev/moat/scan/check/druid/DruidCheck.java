package dev.moat.scan.check.druid;

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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Alibaba Druid's monitor console (StatViewServlet) without login. {@code /druid/index.html} must
 * be the console ({@code Druid Stat Index}); a redirect to {@code /druid/login.html} means a login
 * is configured (locked). Access is proven by the console's JSON API: {@code /druid/basic.json}
 * ({@code ResultCode 1} with a {@code Version}); {@code /druid/weburi.json} and {@code
 * /druid/websession.json} give the number of URIs and live sessions (session ids are never shown).
 *
 * <p>Read-only: GET of the console page and its JSON. Never {@code reset-all.json}.
 */
public final class DruidCheck implements Check {
  static final String ID = "druid";

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
    Optional<Http.Response> index = Web.get(ctx, "/druid/index.html");
    if (index.isEmpty()) {
      return CheckResult.notApplicable();
    }
    Http.Response i = index.get();
    boolean toLogin =
        (i.status() == 302 || i.status() == 301)
            && i.header("Location").orElse("").contains("login.html");
    if (toLogin || i.status() != 200 || !i.text().contains("Druid Stat Index")) {
      return CheckResult.notApplicable();
    }
    Optional<JsonNode> basic = Web.json(Web.get(ctx, "/druid/basic.json"));
    if (basic.isEmpty() || basic.get().path("ResultCode").asInt() != 1) {
      return CheckResult.notApplicable();
    }
    JsonNode content = basic.get().path("Content");
    List<String> evidence = new ArrayList<>();
    evidence.add(
        "GET /druid/basic.json: Druid "
            + content.path("Version").asText("?")
            + ", drivers "
            + Web.clip(content.path("Drivers").toString(), 200)
            + ", Java "
            + content.path("JavaVersion").asText("?"));
    count(ctx, "/druid/weburi.json", "URIs", evidence);
    count(ctx, "/druid/websession.json", "web sessions (ids not shown)", evidence);
    count(ctx, "/druid/datasource.json", "data sources", evidence);
    Finding f =
        ctx.finding(this, "druid.no-auth")
            .severity(Severity.HIGH)
            .detailArgs(ctx.host(), String.valueOf(ctx.port()), content.path("Version").asText("?"))
            .evidence(evidence)
            .build();
    return new CheckResult(null, Auth.NONE, List.of(f));
  }

  private static void count(CheckContext ctx, String path, String what, List<String> evidence) {
    Web.json(Web.get(ctx, path))
        .filter(j -> j.path("ResultCode").asInt() == 1)
        .ifPresent(j -> evidence.add("GET " + path + ": " + j.path("Content").size() + " " + what));
  }
}
