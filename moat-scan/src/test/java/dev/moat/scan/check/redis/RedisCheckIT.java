package dev.moat.scan.check.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.core.Severity;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.testing.LocalServer;
import dev.moat.testing.RedisServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class RedisCheckIT {
  private static LocalServer open;
  private static LocalServer locked;

  @BeforeAll
  static void start() {
    open = RedisServers.open();
    locked = RedisServers.withPassword("S3cret-for-tests");
    // Test data written by the test itself before the scan.
    assertThat(RedisServers.call(open, "SET", "user:1:mobile", "13812345678")).isEqualTo("+OK");
    assertThat(RedisServers.call(open, "SET", "plain1", "hello")).isEqualTo("+OK");
  }

  @AfterAll
  static void stop() {
    open.close();
    locked.close();
  }

  @Test
  void openRedis_onNonDefaultPort_isRedisWithCriticalFinding() {
    PortResult r = ScanTesting.inspect(open.port());

    assertThat(r.service().service()).isEqualTo("redis");
    assertThat(r.service().version()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(r.service().auth()).isEqualTo(Auth.NONE);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("redis.no-auth");
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.exposure()).containsEntry("CN_MOBILE", 1);
              assertThat(String.join("\n", f.evidence()))
                  .contains("138****5678")
                  .doesNotContain("13812345678");
              assertThat(f.references()).contains("DSL-27");
            });
  }

  @Test
  void lockedRedis_isRequiredWithNoFinding() {
    PortResult r = ScanTesting.inspect(locked.port());

    assertThat(r.service().service()).isEqualTo("redis");
    assertThat(r.service().auth()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }
}
