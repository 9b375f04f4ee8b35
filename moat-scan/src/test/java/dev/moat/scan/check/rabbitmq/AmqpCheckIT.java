package dev.moat.scan.check.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.core.Severity;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import org.junit.jupiter.api.Test;

/** Against the machine's RabbitMQ on 5672 (guest/guest, which RabbitMQ allows from loopback). */
final class AmqpCheckIT {

  @Test
  void machineRabbitMq_guestFromLoopback_isMediumDefaultCredentials() {
    PortResult r = ScanTesting.inspect(5672);

    assertThat(r.service().service()).isEqualTo("rabbitmq");
    assertThat(r.service().product()).isEqualTo("RabbitMQ");
    assertThat(r.service().version()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(r.service().auth()).isEqualTo(Auth.DEFAULT_CREDENTIALS);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("rabbitmq.guest");
              assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
              assertThat(f.detail()).contains("loopback_users");
            });
  }
}
