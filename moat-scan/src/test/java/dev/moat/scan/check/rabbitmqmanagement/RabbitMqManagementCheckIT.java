package dev.moat.scan.check.rabbitmqmanagement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.core.Severity;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.testing.LocalServer;
import dev.moat.testing.RabbitMqServers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real RabbitMQ node of its own with the management plugin (not the machine's shared broker), its
 * API on a free loopback port, stock accounts. The test set-up (never the check) writes through the
 * API: one queue, and later guest's new password.
 */
final class RabbitMqManagementCheckIT {
  private static LocalServer rabbit;

  @BeforeAll
  static void start() throws IOException {
    rabbit = RabbitMqServers.management();
    assertThat(put("/api/queues/%2F/13812345678", "{\"durable\":false}", "guest")).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    rabbit.close();
  }

  @Test
  void guestGuest_isOpen_untilGuestsPasswordChanges() throws IOException {
    PortResult open = ScanTesting.inspect(rabbit.port());

    assertThat(open.service().service()).isEqualTo("rabbitmq-management");
    assertThat(open.service().product()).isEqualTo("RabbitMQ Management");
    assertThat(open.service().version()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(open.service().auth()).isEqualTo(Auth.DEFAULT_CREDENTIALS);
    assertThat(open.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("rabbitmq-management.guest");
              assertThat(f.service()).isEqualTo("rabbitmq-management");
              // medium from loopback (guest is loopback-only by default), raised to high by the
              // mobile number in a queue name
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.exposure()).containsKey("CN_MOBILE");
              assertThat(f.detail()).contains("administrator", "loopback_users");
              assertThat(String.join("\n", f.evidence()))
                  .contains("GET /api/whoami as guest/guest → 200, tags: administrator")
                  .contains("138******78")
                  .doesNotContain("13812345678");
              assertThat(f.references()).contains("DSL-27", "PIPL-51");
            });

    assertThat(
            put(
                "/api/users/guest",
                "{\"password\":\"Moat-locked-1\",\"tags\":\"administrator\"}",
                "guest"))
        .isIn(201, 204);
    PortResult locked = ScanTesting.inspect(rabbit.port());

    assertThat(locked.service().service()).isEqualTo("rabbitmq-management");
    assertThat(locked.service().auth()).isEqualTo(Auth.REQUIRED);
    assertThat(locked.findings()).isEmpty();
  }

  private static int put(String path, String json, String password) throws IOException {
    HttpURLConnection c =
        (HttpURLConnection)
            URI.create("http://127.0.0.1:" + rabbit.port() + path).toURL().openConnection();
    try {
      c.setRequestMethod("PUT");
      c.setDoOutput(true);
      c.setConnectTimeout(5000);
      c.setReadTimeout(10000);
      c.setRequestProperty("Content-Type", "application/json");
      c.setRequestProperty(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(("guest:" + password).getBytes(StandardCharsets.UTF_8)));
      try (OutputStream out = c.getOutputStream()) {
        out.write(json.getBytes(StandardCharsets.UTF_8));
      }
      return c.getResponseCode();
    } finally {
      c.disconnect();
    }
  }
}
