package dev.moat.scan.check.kubernetes;

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
import java.util.Optional;
import java.util.Set;

/**
 * Kubernetes API server or kubelet answering anonymous requests. Runs on HTTP(S) ports.
 *
 * <ul>
 *   <li>API server: {@code GET /version} ({@code gitVersion} + {@code platform}; public by design,
 *       identification only), then {@code GET /api/v1/pods?limit=N}: a {@code PodList} means the
 *       anonymous user may read every namespace; 401, or 403 naming {@code system:anonymous}, is
 *       locked;
 *   <li>kubelet (10250/10255): {@code GET /pods}: a {@code PodList} is open; 401 ({@code
 *       anonymous-auth=false}) or 403 {@code Forbidden (user=system:anonymous, …)} (webhook
 *       authorization) is locked.
 * </ul>
 *
 * Container environment values from the pod specs go to detection (secrets passed as plain env).
 *
 * <p>Read-only: GET only. Never {@code /exec}, {@code /run}, {@code /attach}, {@code /portForward}
 * or any write verb.
 */
public final class KubernetesCheck implements Check {
  static final String SERVICE = "kubernetes";

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
    return Set.of(6443, 10250, 10255);
  }

  @Override
  public CheckResult run(CheckContext ctx) {
    Optional<JsonNode> version = Web.json(Web.get(ctx, "/version"));
    boolean apiServer =
        version.isPresent()
            && version.get().has("gitVersion")
            && version.get().has("platform")
            && version.get().has("major");
    if (apiServer) {
      Identity id =
          Identity.of(
              SERVICE, "Kubernetes API server", version.get().path("gitVersion").asText(null));
      return pods(ctx, id, "/api/v1/pods?limit=" + ctx.sampleSize(), "kubernetes.api-anonymous");
    }
    Optional<Http.Response> kubelet = Web.get(ctx, "/pods");
    if (kubelet.isEmpty()) {
      return CheckResult.notApplicable();
    }
    Http.Response r = kubelet.get();
    String text = r.text();
    Identity id = Identity.of(SERVICE, "kubelet", null);
    if (r.status() == 403 && text.contains("user=system:anonymous")) {
      return CheckResult.locked(id);
    }
    if (r.status() == 401 && text.strip().equals("Unauthorized")) {
      return CheckResult.locked(id);
    }
    Optional<JsonNode> list = Web.json(kubelet);
    if (list.isEmpty() || !"PodList".equals(list.get().path("kind").asText())) {
      return CheckResult.notApplicable();
    }
    return open(ctx, id, list.get(), "GET /pods", "kubernetes.kubelet-anonymous");
  }

  private CheckResult pods(CheckContext ctx, Identity id, String path, String findingId) {
    Optional<Http.Response> r = Web.get(ctx, path);
    if (r.isEmpty()) {
      return CheckResult.undetermined(id);
    }
    int status = r.get().status();
    if (status == 401 || (status == 403 && r.get().text().contains("system:anonymous"))) {
      return CheckResult.locked(id);
    }
    Optional<JsonNode> list = Web.json(r);
    if (list.isEmpty() || !"PodList".equals(list.get().path("kind").asText())) {
      return CheckResult.undetermined(id);
    }
    return open(ctx, id, list.get(), "GET " + path, findingId);
  }

  private CheckResult open(
      CheckContext ctx, Identity id, JsonNode list, String request, String findingId) {
    List<String> pods = new ArrayList<>();
    List<SampleField> samples = new ArrayList<>();
    for (JsonNode pod : list.path("items")) {
      String name =
          pod.at("/metadata/namespace").asText("?") + "/" + pod.at("/metadata/name").asText("?");
      if (pods.size() < 10) {
        pods.add(Web.clip(name, 120));
      }
      for (JsonNode c : pod.at("/spec/containers")) {
        for (JsonNode env : c.path("env")) {
          if (env.has("value")) {
            samples.add(
                new SampleField(
                    "pod " + name, env.path("name").asText(""), env.path("value").asText("")));
          }
        }
      }
    }
    Exposure exposure = ctx.detect(samples);
    Finding f =
        ctx.finding(this, findingId)
            .service(SERVICE)
            .severity(Severity.CRITICAL)
            .detailArgs(
                ctx.host(), String.valueOf(ctx.port()), String.valueOf(list.path("items").size()))
            .evidence(request + ": " + list.path("items").size() + " pods, e.g. " + pods)
            .exposure(exposure)
            .build();
    return CheckResult.open(id, Auth.NONE, List.of(f));
  }
}
