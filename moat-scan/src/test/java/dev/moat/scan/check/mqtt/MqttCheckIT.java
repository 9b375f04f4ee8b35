package dev.moat.scan.check.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.core.Severity;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.testing.LocalServer;
import dev.moat.testing.MosquittoServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class MqttCheckIT {
  private static LocalServer anonymous;
  private static LocalServer locked;

  @BeforeAll
  static void start() {
    anonymous = MosquittoServers.anonymous();
    locked = MosquittoServers.withPasswordFile();
  }

  @AfterAll
  static void stop() {
    anonymous.close();
    locked.close();
  }

  @Test
  void anonymousMosquitto_isHighWithVersion() {
    PortResult r = ScanTesting.inspect(anonymous.port());

    assertThat(r.service().service()).isEqualTo("mqtt");
    assertThat(r.service().product()).isEqualTo("Mosquitto");
    assertThat(r.service().version()).startsWith("2.");
    assertThat(r.service().auth()).isEqualTo(Auth.NONE);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("mqtt.anonymous");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
            });
  }

  @Test
  void passwordFileMosquitto_isLocked() {
    PortResult r = ScanTesting.inspect(locked.port());

    assertThat(r.service().service()).isEqualTo("mqtt");
    assertThat(r.service().auth()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }
}
