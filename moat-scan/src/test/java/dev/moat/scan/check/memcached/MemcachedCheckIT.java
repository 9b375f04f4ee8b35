package dev.moat.scan.check.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.core.Severity;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.testing.LocalServer;
import dev.moat.testing.MemcachedServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class MemcachedCheckIT {
  private static LocalServer open;
  private static LocalServer locked;

  @BeforeAll
  static void start() {
    open = MemcachedServers.open();
    locked = MemcachedServers.locked();
  }

  @AfterAll
  static void stop() {
    open.close();
    locked.close();
  }

  @Test
  void openMemcached_onNonDefaultPort_isRecognisedWithHighFinding() {
    PortResult r = ScanTesting.inspect(open.port());

    assertThat(r.service().service()).isEqualTo("memcached");
    assertThat(r.service().version()).isEqualTo("1.6.18");
    assertThat(r.service().auth()).isEqualTo(Auth.NONE);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("memcached.no-auth");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.evidence()).contains("STAT version 1.6.18");
              assertThat(f.references()).contains("DSL-27", "PIPL-51");
            });
  }

  @Test
  void asciiAuthMemcached_isRequiredWithNoFinding() {
    PortResult r = ScanTesting.inspect(locked.port());

    assertThat(r.service().service()).isEqualTo("memcached");
    assertThat(r.service().auth()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void recognise_redisError_isNoMatch() {
    byte[] reply =
        "-ERR unknown command 'stats'\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(MemcachedCheck.recognise(reply, reply.length, false))
        .isEqualTo(dev.moat.scan.check.Recognition.NO);
  }
}
