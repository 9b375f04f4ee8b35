package dev.moat.scan.check.docker;

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
 * No Docker engine runs on these machines, so the daemon is a test server answering with the
 * documented responses of the Docker Engine API v1.43 (docs.docker.com/engine/api/v1.43: the
 * SystemVersion, SystemInfo and ContainerList examples, trimmed to the fields the check reads, with
 * the {@code Api-Version}/{@code Server} headers dockerd sends). The locked variant is an
 * authorization plugin's 403, as dockerd returns it.
 */
final class DockerApiCheckIT {
  static final String VERSION =
      "{\"Platform\":{\"Name\":\"Docker Engine - Community\"},\"Version\":\"24.0.7\","
          + "\"ApiVersion\":\"1.43\",\"MinAPIVersion\":\"1.12\",\"GitCommit\":\"311b9ff\","
          + "\"GoVersion\":\"go1.20.10\",\"Os\":\"linux\",\"Arch\":\"amd64\","
          + "\"KernelVersion\":\"6.1.0-13-amd64\",\"BuildTime\":\"2023-10-26T09:07:41.000000000+00:00\"}";
  static final String INFO =
      "{\"ID\":\"7TRN:IPZB:QYBB:VPBQ:UWYC:TYCY:GIXA:5KSW:AGXB:KYUR:NP4I:VVJP\",\"Containers\":14,"
          + "\"ContainersRunning\":3,\"ContainersPaused\":1,\"ContainersStopped\":10,\"Images\":508,"
          + "\"Driver\":\"overlay2\",\"DockerRootDir\":\"/var/lib/docker\",\"KernelVersion\":"
          + "\"6.1.0-13-amd64\",\"OperatingSystem\":\"Debian GNU/Linux 12 (bookworm)\",\"Name\":"
          + "\"node5.corp.example.com\",\"ServerVersion\":\"24.0.7\",\"RegistryConfig\":{}}";
  static final String CONTAINERS =
      "[{\"Id\":\"8dfafdbc3a40\",\"Names\":[\"/crm-db\"],\"Image\":\"mysql:8.0\",\"State\":"
          + "\"running\",\"Status\":\"Up 2 days\"}]";

  private static DocumentedHttpServer open;
  private static DocumentedHttpServer locked;

  @BeforeAll
  static void start() {
    open =
        DocumentedHttpServer.builder()
            .get("/version", docker(Response.json(VERSION)))
            .get("/info", docker(Response.json(INFO)))
            .get("/containers/json?all=1&limit=10", docker(Response.json(CONTAINERS)))
            .fallback(
                docker(Response.of(404, "application/json", "{\"message\":\"page not found\"}")))
            .start();
    Response denied =
        docker(
            Response.of(
                403,
                "application/json",
                "{\"message\":\"authorization denied by plugin opa-docker-authz: request rejected\"}"));
    locked = DocumentedHttpServer.builder().fallback(denied).start();
  }

  private static Response docker(Response r) {
    return r.with("Api-Version", "1.43").with("Server", "Docker/24.0.7 (linux)");
  }

  @AfterAll
  static void stop() {
    open.close();
    locked.close();
  }

  @Test
  void openDaemon_isDockerWithCriticalFinding() {
    PortResult r = ScanTesting.inspect(open.port());

    assertThat(r.service().service()).isEqualTo("docker");
    assertThat(r.service().version()).isEqualTo("24.0.7");
    assertThat(r.service().auth()).as("errors: %s", r.errors()).isEqualTo(Auth.NONE);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("docker.no-auth");
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.evidence())
                  .anyMatch(e -> e.contains("14 containers (3 running), 508 images"));
              assertThat(f.evidence()).contains("GET /containers/json: [/crm-db (mysql:8.0)]");
            });
    assertThat(open.methods()).containsOnly("GET");
  }

  @Test
  void authorizationPlugin_isRequiredWithNoFinding() {
    PortResult r = ScanTesting.inspect(locked.port());

    assertThat(r.service().service()).isEqualTo("docker");
    assertThat(r.service().auth()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }
}
