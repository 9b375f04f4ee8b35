package dev.moat.scan.check.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.testing.EtcdServers;
import dev.moat.testing.LocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real etcd 3.4: open with v2 enabled, and locked (v3 auth on, v2 off). */
final class EtcdCheckIT {
  private static LocalServer open;
  private static LocalServer locked;

  @BeforeAll
  static void start() {
    open = EtcdServers.open();
    locked = EtcdServers.locked();
    // Test data written by the test itself before the scan.
    EtcdServers.put(open, "/crm/customer/1/mobile", "13812345678");
    EtcdServers.put(open, "/crm/customer/13912345678", "vip");
    EtcdServers.putV2(open, "/legacy", "x");
  }

  @AfterAll
  static void stop() {
    open.close();
    locked.close();
  }

  @Test
  void openEtcd_onHttpPort_isEtcdWithFindingAndMaskedExposure() {
    PortResult r = ScanTesting.inspect(open.port());

    assertThat(r.service().service()).isEqualTo("etcd");
    assertThat(r.service().version()).isEqualTo("3.4.23");
    assertThat(r.service().auth()).isEqualTo(Auth.NONE);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("etcd.no-auth");
              assertThat(f.service()).isEqualTo("etcd");
              assertThat(f.detail()).contains("v3 + v2");
              assertThat(f.exposure()).containsEntry("CN_MOBILE", 1);
              String evidence = String.join("\n", f.evidence());
              assertThat(evidence).contains("/crm/customer/1/mobile", "/legacy");
              assertThat(evidence).doesNotContain("13812345678", "13912345678");
              assertThat(evidence).contains("/crm/customer/139******78");
            });
  }

  @Test
  void authEnabledEtcd_isRequiredWithNoFinding() {
    PortResult r = ScanTesting.inspect(locked.port());

    assertThat(r.service().service()).isEqualTo("etcd");
    assertThat(r.service().auth()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }
}
