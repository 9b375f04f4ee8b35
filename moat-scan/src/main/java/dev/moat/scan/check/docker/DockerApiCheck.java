package dev.moat.scan.check.docker;

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
 * The Docker Engine API without authentication ({@code dockerd -H tcp://0.0.0.0:2375}). Runs on
 * HTTP ports: {@code GET /version} with {@code ApiVersion}, {@code MinAPIVersion} and {@code
 * Version} identifies the daemon on any port; {@code GET /info} with {@code KernelVersion} and
 * {@code DockerRootDir} proves access (whoever can call this API is root on the host). 401/403 (an
 * authorization plugin or proxy) = locked; a TLS port that demands a client certificate never gets
 * this far.
 *
 * <p>Read-only: GET /version, /info and /containers/json. Never create, exec, start, pull or
 * anything under {@code /containers/{id}/…} that acts.
 */
public final class DockerApiCheck implements Check {
  static final String SERVICE = "docker";

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
    return Set.of(2375, 2376);
  }

  @Override
  public CheckResult run(CheckContext ctx) {
    Optional<Http.Response> version = Web.get(ctx, "/version");
    if (version.isEmpty()) {
      return CheckResult.notApplicable();
    }
    int status = version.get().status();
    boolean dockerHeader = version.get().header("Api-Version").isPresent();
    if ((status == 401 || status == 403) && dockerHeader) {
      return CheckResult.locked(Identity.of(SERVICE, "Docker Engine", null));
    }
    Optional<JsonNode> v = Web.json(version);
    if (v.isEmpty() || !v.get().has("ApiVersion") || !v.get().has("MinAPIVersion")) {
      return CheckResult.notApplicable();
    }
    Identity id = Identity.of(SERVICE, "Docker Engine", v.get().path("Version").asText(null));
    Optional<Http.Response> infoResponse = Web.get(ctx, "/info");
    if (infoResponse.map(r -> r.status() == 401 || r.status() == 403).orElse(false)) {
      return CheckResult.locked(id);
    }
    Optional<JsonNode> info = Web.json(infoResponse);
    if (info.isEmpty() || !info.get().has("KernelVersion") || !info.get().has("DockerRootDir")) {
      return CheckResult.undetermined(id);
    }
    List<String> evidence = new ArrayList<>();
    evidence.add(
        "GET /version: Docker "
            + v.get().path("Version").asText("?")
            + ", API "
            + v.get().path("ApiVersion").asText("?")
            + ", "
            + v.get().path("Os").asText("?")
            + "/"
            + v.get().path("Arch").asText("?"));
    JsonNode i = info.get();
    evidence.add(
        "GET /info: "
            + i.path("Containers").asInt()
            + " containers ("
            + i.path("ContainersRunning").asInt()
            + " running), "
            + i.path("Images").asInt()
            + " images, host "
            + Web.clip(i.path("Name").asText("?"), 60)
            + ", kernel "
            + i.path("KernelVersion").asText("?"));
    List<String> containers = new ArrayList<>();
    Web.json(Web.get(ctx, "/containers/json?all=1&limit=10"))
        .ifPresent(
            list -> {
              for (JsonNode c : list) {
                String name = c.path("Names").path(0).asText("?");
                containers.add(Web.clip(name + " (" + c.path("Image").asText("?") + ")", 120));
              }
            });
    evidence.add("GET /containers/json: " + containers);
    Finding f =
        ctx.finding(this, "docker.no-auth")
            .service(SERVICE)
            .severity(Severity.CRITICAL)
            .detailArgs(id.productVersion().orElse("?"), ctx.host(), String.valueOf(ctx.port()))
            .evidence(evidence)
            .build();
    return CheckResult.open(id, Auth.NONE, List.of(f));
  }
}
