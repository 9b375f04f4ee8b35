package dev.moat.scan.check.dockerregistry;

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

/**
 * A Docker Registry (distribution, v2 API) without authentication. Runs on HTTP ports: {@code GET
 * /v2/} with the header {@code Docker-Distribution-Api-Version: registry/2.0} identifies a registry
 * on any port; 200 is open, 401 with {@code WWW-Authenticate} is locked. When open, {@code GET
 * /v2/_catalog?n=20} names the repositories anyone can pull.
 *
 * <p>Read-only: GET /v2/ and the catalog. Never a manifest PUT, blob upload or DELETE.
 */
public final class DockerRegistryCheck implements Check {
  static final String SERVICE = "docker-registry";

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
    return Set.of(5000);
  }

  @Override
  public CheckResult run(CheckContext ctx) {
    Optional<Http.Response> base = Web.get(ctx, "/v2/");
    if (base.isEmpty()
        || !base.get()
            .header("Docker-Distribution-Api-Version")
            .orElse("")
            .startsWith("registry/2")) {
      return CheckResult.notApplicable();
    }
    Identity id = Identity.of(SERVICE, "Docker Registry", null);
    int status = base.get().status();
    if (status == 401 || status == 403) {
      return CheckResult.locked(id);
    }
    if (status != 200) {
      return CheckResult.undetermined(id);
    }
    List<String> repositories = new ArrayList<>();
    Optional<JsonNode> catalog = Web.json(Web.get(ctx, "/v2/_catalog?n=20"));
    catalog.ifPresent(
        c -> c.path("repositories").forEach(r -> repositories.add(Web.redactName(r.asText()))));
    List<String> evidence = new ArrayList<>();
    evidence.add("GET /v2/ → 200, Docker-Distribution-Api-Version: registry/2.0");
    evidence.add("GET /v2/_catalog: " + repositories);
    Finding f =
        ctx.finding(this, "docker-registry.no-auth")
            .service(SERVICE)
            .severity(Severity.HIGH)
            .detailArgs(ctx.host(), String.valueOf(ctx.port()), String.valueOf(repositories.size()))
            .evidence(evidence)
            .build();
    return CheckResult.open(id, Auth.NONE, List.of(f));
  }
}
