package dev.moat.scan.check.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.core.Severity;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.testing.DocumentedHttpServer;
import dev.moat.testing.DocumentedHttpServer.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Debian has no Kubernetes server, so the API server and kubelet are test servers answering with
 * documented responses: the {@code /version} Info object and a core/v1 {@code PodList}
 * (kubernetes.io API reference), the API server's 403 {@code Status} for {@code system:anonymous}
 * (kubernetes.io "Authenticating", anonymous requests), and the kubelet's 401 {@code Unauthorized}
 * and 403 {@code Forbidden (user=system:anonymous, verb=get, resource=nodes, subresource=proxy)}
 * bodies (kubelet authentication/authorization docs).
 */
final class KubernetesCheckIT {
  static final String VERSION =
      "{\"major\":\"1\",\"minor\":\"28\",\"gitVersion\":\"v1.28.2\",\"gitCommit\":\"89a4ea3\","
          + "\"gitTreeState\":\"clean\",\"buildDate\":\"2023-09-13T09:29:07Z\",\"goVersion\":"
          + "\"go1.20.8\",\"compiler\":\"gc\",\"platform\":\"linux/amd64\"}";
  static final String PODS =
      "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"1\"},"
          + "\"items\":[{\"metadata\":{\"name\":\"crm-api-7d9f\",\"namespace\":\"prod\"},"
          + "\"spec\":{\"containers\":[{\"name\":\"api\",\"image\":\"crm/api:2.1\",\"env\":["
          + "{\"name\":\"ALERT_MOBILE\",\"value\":\"13812345678\"},{\"name\":\"DB_PASSWORD\","
          + "\"valueFrom\":{\"secretKeyRef\":{\"name\":\"db\",\"key\":\"password\"}}}]}]}}]}";
  static final String ANONYMOUS_403 =
      "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
          + "\"message\":\"pods is forbidden: User \\\"system:anonymous\\\" cannot list resource"
          + " \\\"pods\\\" in API group \\\"\\\" at the cluster scope\",\"reason\":\"Forbidden\","
          + "\"details\":{\"kind\":\"pods\"},\"code\":403}";

  private static DocumentedHttpServer api;
  private static DocumentedHttpServer lockedApi;
  private static DocumentedHttpServer kubelet;
  private static DocumentedHttpServer lockedKubelet;

  @BeforeAll
  static void start() {
    api =
        DocumentedHttpServer.builder()
            .get("/version", Response.json(VERSION))
            .get("/api/v1/pods", Response.json(PODS))
            .start();
    lockedApi =
        DocumentedHttpServer.builder()
            .get("/version", Response.json(VERSION))
            .fallback(Response.of(403, "application/json", ANONYMOUS_403))
            .start();
    kubelet = DocumentedHttpServer.builder().get("/pods", Response.json(PODS)).start();
    lockedKubelet =
        DocumentedHttpServer.builder()
            .fallback(
                Response.of(
                    403,
                    "text/plain; charset=utf-8",
                    "Forbidden (user=system:anonymous, verb=get, resource=nodes, subresource=proxy)"))
            .start();
  }

  @AfterAll
  static void stop() {
    api.close();
    lockedApi.close();
    kubelet.close();
    lockedKubelet.close();
  }

  @Test
  void anonymousApiServer_isCriticalWithEnvExposure() {
    PortResult r = ScanTesting.inspect(api.port());

    assertThat(r.service().service()).isEqualTo("kubernetes");
    assertThat(r.service().version()).isEqualTo("v1.28.2");
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("kubernetes.api-anonymous");
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.exposure()).containsEntry("CN_MOBILE", 1);
              assertThat(f.evidence()).anyMatch(e -> e.contains("prod/crm-api-7d9f"));
              assertThat(String.join("\n", f.evidence())).doesNotContain("13812345678");
            });
    assertThat(api.methods()).containsOnly("GET");
  }

  @Test
  void anonymousForbiddenApiServer_isRequired() {
    PortResult r = ScanTesting.inspect(lockedApi.port());

    assertThat(r.service().service()).isEqualTo("kubernetes");
    assertThat(r.service().auth()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void anonymousKubelet_isCritical() {
    PortResult r = ScanTesting.inspect(kubelet.port());

    assertThat(r.service().product()).isEqualTo("kubelet");
    assertThat(r.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.check()).isEqualTo("kubernetes.kubelet-anonymous"));
  }

  @Test
  void webhookKubelet_isRequired() {
    PortResult r = ScanTesting.inspect(lockedKubelet.port());

    assertThat(r.service().product()).isEqualTo("kubelet");
    assertThat(r.service().auth()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }
}
