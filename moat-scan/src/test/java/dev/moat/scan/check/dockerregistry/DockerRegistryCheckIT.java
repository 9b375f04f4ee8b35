package dev.moat.scan.check.dockerregistry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.testing.HttpServers;
import dev.moat.testing.LocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real docker-registry 2.8 (Debian), without auth and with htpasswd auth. */
final class DockerRegistryCheckIT {
  private static LocalServer open;
  private static LocalServer locked;

  @BeforeAll
  static void start() {
    open = HttpServers.dockerRegistry(false);
    locked = HttpServers.dockerRegistry(true);
  }

  @AfterAll
  static void stop() {
    open.close();
    locked.close();
  }

  @Test
  void openRegistry_isFoundWithCatalog() {
    PortResult r = ScanTesting.inspect(open.port());

    assertThat(r.service().service()).isEqualTo("docker-registry");
    assertThat(r.service().auth()).as("errors: %s", r.errors()).isEqualTo(Auth.NONE);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("docker-registry.no-auth");
              assertThat(f.evidence()).contains("GET /v2/_catalog: [crm/customer-db]");
            });
  }

  @Test
  void htpasswdRegistry_isRequiredWithNoFinding() {
    PortResult r = ScanTesting.inspect(locked.port());

    assertThat(r.service().service()).isEqualTo("docker-registry");
    assertThat(r.service().auth()).as("errors: %s", r.errors()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }
}
