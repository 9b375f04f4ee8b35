package dev.moat.scan.check.nacos;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Nacos (Alibaba's config and naming server) without working authentication. {@code GET
 * /nacos/v1/console/server/state} ({@code version}, {@code standalone_mode}) identifies Nacos on
 * any port. Then {@code GET /nacos/v1/auth/users?pageNo=1&pageSize=1}:
 *
 * <ul>
 *   <li>200 with {@code pageItems} → auth is off: the user list (with password hashes) and every
 *       configuration are readable;
 *   <li>403/401 → the same request again with {@code User-Agent: Nacos-Server} (CVE-2021-29441, the
 *       server-to-server bypass of Nacos ≤ 1.4.0): 200 → bypassable;
 *   <li>both refused → locked.
 * </ul>
 *
 * When open, {@code /nacos/v1/cs/configs?search=blur} lists configurations; their content goes to
 * detection (database passwords, keys), only data ids are shown. User names are shown masked,
 * hashes never.
 *
 * <p>Read-only: GET only. The popular bypass check creates and deletes a user; this one never does.
 */
public final class NacosCheck implements Check {
  static final String SERVICE = "nacos";
  private static final String USERS = "/nacos/v1/auth/users?pageNo=1&pageSize=1";

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
    return Set.of(8848);
  }

  @Override
  public CheckResult run(CheckContext ctx) {
    Optional<JsonNode> state = Web.json(Web.get(ctx, "/nacos/v1/console/server/state"));
    if (state.isEmpty() || !state.get().has("version") || !state.get().has("standalone_mode")) {
      return CheckResult.notApplicable();
    }
    Identity id = Identity.of(SERVICE, "Nacos", state.get().path("version").asText(null));
    List<String> evidence = new ArrayList<>();
    evidence.add(
        "GET /nacos/v1/console/server/state: version "
            + id.productVersion().orElse("?")
            + ", auth_enabled "
            + state.get().path("auth_enabled").asText("?"));
    Optional<Http.Response> plain = Web.get(ctx, USERS);
    String findingId = "nacos.no-auth";
    Map<String, String> headers = Map.of();
    Optional<JsonNode> users = usersPage(plain);
    if (users.isEmpty()) {
      headers = Map.of("User-Agent", "Nacos-Server");
      users = usersPage(Web.get(ctx, USERS, headers));
      findingId = "nacos.auth-bypass";
      if (users.isEmpty()) {
        boolean refused = plain.map(r -> r.status() == 401 || r.status() == 403).orElse(false);
        return refused ? CheckResult.locked(id) : CheckResult.undetermined(id);
      }
      evidence.add("GET " + USERS + " with User-Agent: Nacos-Server → 200 (CVE-2021-29441)");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode u : users.get().path("pageItems")) {
      String n = u.path("username").asText("");
      names.add(
          n.isEmpty()
              ? ""
              : n.substring(0, 1) + "***" + (u.has("password") ? " (password hash readable)" : ""));
    }
    evidence.add(
        "GET "
            + USERS
            + ": totalCount "
            + users.get().path("totalCount").asInt()
            + ", e.g. "
            + names);
    List<SampleField> samples = new ArrayList<>();
    String configs =
        "/nacos/v1/cs/configs?dataId=&group=&tenant=&search=blur&pageNo=1&pageSize="
            + Math.min(ctx.sampleSize(), 10);
    Web.json(Web.get(ctx, configs, headers))
        .ifPresent(
            page -> {
              List<String> ids = new ArrayList<>();
              for (JsonNode c : page.path("pageItems")) {
                String dataId = c.path("dataId").asText("?");
                ids.add(Web.redactName(c.path("group").asText("?") + "/" + dataId));
                if (ctx.sampling()) {
                  for (String line : c.path("content").asText("").split("\n")) {
                    int eq = line.indexOf('=');
                    int colon = line.indexOf(':');
                    int sep = eq > 0 ? eq : colon;
                    String key = sep > 0 ? line.substring(0, sep).trim() : dataId;
                    samples.add(new SampleField("nacos " + Web.redactName(dataId), key, line));
                  }
                }
              }
              evidence.add(
                  "GET /nacos/v1/cs/configs: totalCount "
                      + page.path("totalCount").asInt()
                      + ", e.g. "
                      + ids);
            });
    Exposure exposure = ctx.detect(samples);
    Finding f =
        ctx.finding(this, findingId)
            .service(SERVICE)
            .severity(Severity.CRITICAL)
            .detailArgs(id.productVersion().orElse("?"), ctx.host(), String.valueOf(ctx.port()))
            .evidence(evidence)
            .exposure(exposure)
            .build();
    return CheckResult.open(id, Auth.NONE, List.of(f));
  }

  private static Optional<JsonNode> usersPage(Optional<Http.Response> r) {
    return Web.json(r).filter(j -> j.has("pageItems") && j.has("totalCount"));
  }
}
