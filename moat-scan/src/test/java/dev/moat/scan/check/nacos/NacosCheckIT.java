package dev.moat.scan.check.nacos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.testing.DocumentedHttpServer;
import dev.moat.testing.DocumentedHttpServer.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nacos has no Debian package; the test server answers with the Nacos Open API responses (nacos.io
 * "Open API" / console API: server/state, auth/users page, cs/configs search), in three
 * configurations: auth off, auth on but bypassable with {@code User-Agent: Nacos-Server}
 * (CVE-2021-29441, Nacos ≤ 1.4.0), and auth on and patched (403 {@code user not found!}).
 */
final class NacosCheckIT {
  static final String USERS =
      "{\"totalCount\":1,\"pageNumber\":1,\"pagesAvailable\":1,\"pageItems\":[{\"username\":"
          + "\"nacos\",\"password\":\"$2a$10$EuWPZHzz32dJN7jexM34MOeYirDdFAZm2kuWj7VEOJhhZkDrxfvUu\"}]}";
  static final String CONFIGS =
      "{\"totalCount\":1,\"pageNumber\":1,\"pagesAvailable\":1,\"pageItems\":[{\"id\":\"1\","
          + "\"dataId\":\"crm-prod.properties\",\"group\":\"DEFAULT_GROUP\",\"content\":"
          + "\"spring.datasource.url=jdbc:mysql://10.0.0.7/crm\\nalert.mobile=13812345678\","
          + "\"tenant\":\"\",\"type\":\"properties\"}]}";
  static final String DENIED =
      "{\"status\":403,\"error\":\"Forbidden\",\"message\":\"user not found!\"}";

  private static DocumentedHttpServer open;
  private static DocumentedHttpServer bypass;
  private static DocumentedHttpServer locked;

  static String state(String version, boolean auth) {
    return "{\"version\":\""
        + version
        + "\",\"standalone_mode\":\"standalone\",\"function_mode\":null,\"auth_enabled\":\""
        + auth
        + "\"}";
  }

  @BeforeAll
  static void start() {
    open =
        DocumentedHttpServer.builder()
            .get("/nacos/v1/console/server/state", Response.json(state("2.2.3", false)))
            .get("/nacos/v1/auth/users", Response.json(USERS))
            .get("/nacos/v1/cs/configs", Response.json(CONFIGS))
            .start();
    bypass = new BypassServer().start();
    locked =
        DocumentedHttpServer.builder()
            .get("/nacos/v1/console/server/state", Response.json(state("2.3.0", true)))
            .fallback(Response.of(403, "application/json", DENIED))
            .start();
  }

  /** Answers like Nacos 1.4.0 with auth on: 403, unless the User-Agent is Nacos-Server. */
  static final class BypassServer {
    DocumentedHttpServer start() {
      return DocumentedHttpServer.builder()
          .get("/nacos/v1/console/server/state", Response.json(state("1.4.0", true)))
          .userAgentRoute("Nacos-Server", "/nacos/v1/auth/users", Response.json(USERS))
          .fallback(Response.of(403, "application/json", DENIED))
          .start();
    }
  }

  @AfterAll
  static void stop() {
    open.close();
    bypass.close();
    locked.close();
  }

  @Test
  void authOff_isNoAuthWithConfigExposure() {
    PortResult r = ScanTesting.inspect(open.port());

    assertThat(r.service().service()).isEqualTo("nacos");
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("nacos.no-auth");
              assertThat(f.exposure()).containsEntry("CN_MOBILE", 1);
              String evidence = String.join("\n", f.evidence());
              assertThat(evidence)
                  .contains("n*** (password hash readable)", "DEFAULT_GROUP/crm-prod.properties");
              assertThat(evidence).doesNotContain("$2a$10$", "13812345678");
            });
  }

  @Test
  void userAgentBypass_isFound() {
    PortResult r = ScanTesting.inspect(bypass.port());

    assertThat(r.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.check()).isEqualTo("nacos.auth-bypass"));
    assertThat(bypass.methods()).containsOnly("GET");
  }

  @Test
  void authOnAndPatched_isRequiredWithNoFinding() {
    PortResult r = ScanTesting.inspect(locked.port());

    assertThat(r.service().service()).isEqualTo("nacos");
    assertThat(r.service().auth()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }
}
