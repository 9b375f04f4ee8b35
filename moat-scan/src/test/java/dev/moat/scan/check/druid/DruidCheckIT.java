package dev.moat.scan.check.druid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Severity;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.testing.DocumentedHttpServer;
import dev.moat.testing.DocumentedHttpServer.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alibaba Druid's StatViewServlet as its sources serve it (druid {@code support/http/resources}:
 * index.html titled "Druid Stat Index", and the {@code ResultCode}/{@code Content} JSON of
 * basic.json, weburi.json, websession.json), from a test server; the locked variant redirects to
 * login.html as the servlet does when loginUsername is set.
 */
final class DruidCheckIT {
  private static DocumentedHttpServer open;
  private static DocumentedHttpServer locked;

  @BeforeAll
  static void start() {
    open =
        DocumentedHttpServer.builder()
            .get(
                "/druid/index.html",
                Response.of(
                    200,
                    "text/html;charset=utf-8",
                    "<html><head><title>Druid Stat Index</title></head><body></body></html>"))
            .get(
                "/druid/basic.json",
                Response.json(
                    "{\"ResultCode\":1,\"Content\":{\"Version\":\"1.2.8\",\"Drivers\":"
                        + "[\"com.mysql.cj.jdbc.Driver\"],\"ResetEnable\":true,\"ResetCount\":0,"
                        + "\"JavaVMName\":\"OpenJDK 64-Bit Server VM\",\"JavaVersion\":\"1.8.0_392\","
                        + "\"StartTime\":\"2026-11-28 09:00:00\"}}"))
            .get(
                "/druid/weburi.json",
                Response.json(
                    "{\"ResultCode\":1,\"Content\":[{\"URI\":\"/api/customer/list\"},{\"URI\":\"/login\"}]}"))
            .get(
                "/druid/websession.json",
                Response.json("{\"ResultCode\":1,\"Content\":[{\"SESSIONID\":\"A1B2C3D4E5F6\"}]}"))
            .start();
    locked =
        DocumentedHttpServer.builder()
            .get(
                "/druid/index.html",
                new Response(302, java.util.Map.of("Location", "login.html"), ""))
            .start();
  }

  @AfterAll
  static void stop() {
    open.close();
    locked.close();
  }

  @Test
  void openConsole_isHighWithCounts() {
    PortResult r = ScanTesting.inspect(open.port());

    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("druid.no-auth");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.evidence())
                  .contains(
                      "GET /druid/weburi.json: 2 URIs",
                      "GET /druid/websession.json: 1 web sessions (ids not shown)");
              assertThat(String.join("\n", f.evidence())).doesNotContain("A1B2C3D4E5F6");
            });
  }

  @Test
  void loginRedirect_isNoFinding() {
    assertThat(ScanTesting.inspect(locked.port()).findings()).isEmpty();
  }
}
