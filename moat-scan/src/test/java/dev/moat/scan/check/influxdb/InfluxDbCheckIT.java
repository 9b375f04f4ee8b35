package dev.moat.scan.check.influxdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.testing.InfluxDbServers;
import dev.moat.testing.LocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real InfluxDB 1.6 with auth-enabled false and true. */
final class InfluxDbCheckIT {
  private static LocalServer open;
  private static LocalServer locked;

  @BeforeAll
  static void start() {
    open = InfluxDbServers.open();
    locked = InfluxDbServers.locked();
    // Test data written by the test itself before the scan.
    InfluxDbServers.query(open, "CREATE DATABASE crm");
    InfluxDbServers.write(open, "crm", "customer,city=bj mobile=\"13812345678\",visits=3i 1\n");
  }

  @AfterAll
  static void stop() {
    open.close();
    locked.close();
  }

  @Test
  void authDisabled_isInfluxDbWithFindingAndExposure() {
    PortResult r = ScanTesting.inspect(open.port());

    assertThat(r.service().service()).isEqualTo("influxdb");
    assertThat(r.service().version()).startsWith("1.6.7");
    assertThat(r.service().auth()).as("errors: %s", r.errors()).isEqualTo(Auth.NONE);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("influxdb.no-auth");
              assertThat(f.service()).isEqualTo("influxdb");
              assertThat(f.evidence()).contains("SHOW DATABASES: [crm]");
              assertThat(f.exposure()).containsEntry("CN_MOBILE", 1);
              assertThat(String.join("\n", f.evidence())).doesNotContain("13812345678");
            });
  }

  @Test
  void authEnabled_isRequiredWithNoFinding() {
    PortResult r = ScanTesting.inspect(locked.port());

    assertThat(r.service().service()).isEqualTo("influxdb");
    assertThat(r.service().auth()).as("errors: %s", r.errors()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }
}
