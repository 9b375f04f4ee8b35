package dev.moat.scan.check.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.scan.check.Recognition;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class ZooKeeperCheckTest {
  private static Recognition recognise(String s, boolean closed) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    return ZooKeeperCheck.recognise(b, b.length, closed);
  }

  @Test
  void recognise_srvrReply_isZooKeeperWithVersion() {
    Recognition r =
        recognise(
            "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29\nMode: standalone\n",
            true);
    assertThat(r)
        .isInstanceOfSatisfying(
            Recognition.Match.class, m -> assertThat(m.identity().version()).isEqualTo("3.8.0"));
  }

  @Test
  void recognise_whitelistRefusal_isZooKeeperButNotProofOfAccess() {
    assertThat(recognise("srvr is not executed because it is not in the whitelist.\n", true))
        .isInstanceOf(Recognition.Match.class);
  }

  @Test
  void recognise_memcachedError_isNoMatch() {
    assertThat(recognise("ERROR\r\n", false)).isEqualTo(Recognition.NO);
  }
}
