package dev.moat.scan.check.nats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.core.Severity;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.testing.LocalServer;
import dev.moat.testing.NatsServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class NatsCheckIT {
  private static LocalServer open;
  private static LocalServer token;

  @BeforeAll
  static void start() {
    open = NatsServers.open();
    token = NatsServers.withToken("Moat-test-token-77");
  }

  @AfterAll
  static void stop() {
    open.close();
    token.close();
  }

  @Test
  void openNats_isHighNoAuth() {
    PortResult r = ScanTesting.inspect(open.port());

    assertThat(r.service().service()).isEqualTo("nats");
    assertThat(r.service().version()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(r.service().auth()).isEqualTo(Auth.NONE);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("nats.no-auth");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
            });
  }

  @Test
  void tokenNats_isLocked() {
    PortResult r = ScanTesting.inspect(token.port());

    assertThat(r.service().service()).isEqualTo("nats");
    assertThat(r.service().auth()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }
}
