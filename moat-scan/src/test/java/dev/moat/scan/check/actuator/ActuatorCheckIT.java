package dev.moat.scan.check.actuator;

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
 * Spring Boot Actuator as documented (docs.spring.io Spring Boot 3.1 Actuator API: the discovery
 * page, {@code env} and {@code heapdump}), served by a small test server rather than a real Spring
 * Boot app: a real app would pull ~30 MB of dependencies and add seconds of start-up per run on
 * shared CI cores, while the check only depends on these documented, stable response shapes.
 * Locked: Spring Security's 401 for every management path; exposing only health and info is no
 * finding either.
 */
final class ActuatorCheckIT {
  private static DocumentedHttpServer open;
  private static DocumentedHttpServer healthOnly;
  private static DocumentedHttpServer locked;

  static String links(int port, String... names) {
    StringBuilder sb =
        new StringBuilder(
            "{\"_links\":{\"self\":{\"href\":\"http://127.0.0.1:"
                + port
                + "/actuator\",\"templated\":false}");
    for (String n : names) {
      sb.append(",\"")
          .append(n)
          .append("\":{\"href\":\"http://127.0.0.1:")
          .append(port)
          .append("/actuator/")
          .append(n)
          .append("\",\"templated\":false}");
    }
    return sb.append("}}").toString();
  }

  static final String ENV =
      "{\"activeProfiles\":[\"prod\"],\"propertySources\":[{\"name\":\"server.ports\","
          + "\"properties\":{\"local.server.port\":{\"value\":8080}}},{\"name\":"
          + "\"Config resource 'class path resource [application.properties]'\",\"properties\":"
          + "{\"spring.datasource.url\":{\"value\":\"jdbc:mysql://10.0.0.7/crm\"},"
          + "\"spring.datasource.password\":{\"value\":\"******\"},\"alert.mobile\":"
          + "{\"value\":\"13812345678\"}}}]}";

  @BeforeAll
  static void start() {
    open =
        DocumentedHttpServer.builder()
            .get(
                "/actuator",
                Response.of(
                    200,
                    "application/vnd.spring-boot.actuator.v3+json",
                    links(8080, "health", "info", "env", "heapdump", "mappings")))
            .get(
                "/actuator/env",
                Response.of(200, "application/vnd.spring-boot.actuator.v3+json", ENV))
            .get(
                "/actuator/heapdump",
                Response.of(200, "application/octet-stream", "JAVA PROFILE 1.0.2"))
            .start();
    healthOnly =
        DocumentedHttpServer.builder()
            .get("/actuator", Response.json(links(8080, "health", "health-path", "info")))
            .start();
    locked =
        DocumentedHttpServer.builder()
            .basicAuth("/actuator", "Realm", "ops:Str0ng-pass")
            .get("/actuator", Response.json(links(8080, "env", "heapdump")))
            .start();
  }

  @AfterAll
  static void stop() {
    open.close();
    healthOnly.close();
    locked.close();
  }

  @Test
  void heapdumpAndEnv_isCriticalWithEnvExposure() {
    PortResult r = ScanTesting.inspect(open.port());

    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("actuator.exposed");
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.evidence()).anyMatch(e -> e.startsWith("HEAD /actuator/heapdump: 200"));
              assertThat(f.evidence()).anyMatch(e -> e.contains("spring.datasource.password"));
              assertThat(f.exposure()).containsEntry("CN_MOBILE", 1);
              assertThat(String.join("\n", f.evidence())).doesNotContain("13812345678");
            });
    assertThat(open.requests()).doesNotContain("GET /actuator/heapdump");
    assertThat(open.methods()).containsOnly("GET", "HEAD");
  }

  @Test
  void healthAndInfoOnly_isNoFinding() {
    assertThat(ScanTesting.inspect(healthOnly.port()).findings()).isEmpty();
  }

  @Test
  void securedActuator_isNoFinding() {
    assertThat(ScanTesting.inspect(locked.port()).findings()).isEmpty();
  }
}
