package dev.moat.scan.check.rsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.testing.LocalServer;
import dev.moat.testing.RsyncServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real rsync daemons: a public module beside an auth-users module, and the auth module alone. */
final class RsyncCheckIT {
  private static LocalServer open;
  private static LocalServer locked;

  @BeforeAll
  static void start() {
    open = RsyncServers.open();
    locked = RsyncServers.locked();
  }

  @AfterAll
  static void stop() {
    open.close();
    locked.close();
  }

  @Test
  void publicModule_isFoundAndTheLockedOneIsNot() {
    PortResult r = ScanTesting.inspect(open.port());

    assertThat(r.service().service()).isEqualTo("rsync");
    assertThat(r.service().auth()).isEqualTo(Auth.NONE);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("rsync.no-auth");
              assertThat(f.detail()).contains("public").doesNotContain("secure");
              assertThat(f.evidence())
                  .contains("module secure (backups): @RSYNCD: AUTHREQD")
                  .contains("module public (public data): @RSYNCD: OK");
            });
  }

  @Test
  void onlyAuthModules_isRequiredWithNoFinding() {
    PortResult r = ScanTesting.inspect(locked.port());

    assertThat(r.service().service()).isEqualTo("rsync");
    assertThat(r.service().auth()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }
}
