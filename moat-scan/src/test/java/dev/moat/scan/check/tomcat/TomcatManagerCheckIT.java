package dev.moat.scan.check.tomcat;

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
 * The Tomcat Manager's documented behaviour (tomcat.apache.org manager-howto: BASIC auth with realm
 * "Tomcat Manager Application", the "Tomcat Web Application Manager" list page, the 403 page naming
 * manager-gui) from a test server rather than Debian's tomcat10, which would cost a JVM start of
 * several seconds for three HTTP responses.
 */
final class TomcatManagerCheckIT {
  static final String LIST =
      "<html><head><title>/manager</title></head><body><h1>Tomcat Web Application Manager</h1>"
          + "<table><tr><td>/crm</td></tr></table></body></html>";

  private static DocumentedHttpServer weak;
  private static DocumentedHttpServer strong;
  private static DocumentedHttpServer valve;

  @BeforeAll
  static void start() {
    weak =
        DocumentedHttpServer.builder()
            .basicAuth("/manager", "Tomcat Manager Application", "tomcat:s3cret")
            .get("/manager/html", Response.of(200, "text/html;charset=utf-8", LIST))
            .start();
    strong =
        DocumentedHttpServer.builder()
            .basicAuth("/manager", "Tomcat Manager Application", "ops:9f#Kq2!vLx")
            .get("/manager/html", Response.of(200, "text/html;charset=utf-8", LIST))
            .start();
    valve =
        DocumentedHttpServer.builder()
            .get(
                "/manager/html",
                Response.of(
                    403,
                    "text/html;charset=utf-8",
                    "<h1>403 Access Denied</h1><p>You are not authorized to view this page. By"
                        + " default the Manager is only accessible from a browser running on the same"
                        + " machine as Tomcat.</p><pre>&lt;role rolename=\"manager-gui\"/&gt;</pre>"))
            .start();
  }

  @AfterAll
  static void stop() {
    weak.close();
    strong.close();
    valve.close();
  }

  @Test
  void defaultPassword_isCriticalWithMaskedPassword() {
    PortResult r = ScanTesting.inspect(weak.port());

    assertThat(r.service().auth()).isEqualTo(Auth.DEFAULT_CREDENTIALS);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("tomcat.default-credentials");
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(String.join("\n", f.evidence()))
                  .contains("tomcat / ******")
                  .doesNotContain("s3cret");
            });
    assertThat(weak.requests().stream().filter(q -> q.startsWith("GET /manager/html")).count())
        .isLessThanOrEqualTo(7);
  }

  @Test
  void strongPassword_isRequiredWithNoFinding() {
    PortResult r = ScanTesting.inspect(strong.port());

    assertThat(r.service().auth()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void remoteAddrValve_isNoFinding() {
    assertThat(ScanTesting.inspect(valve.port()).findings()).isEmpty();
  }
}
