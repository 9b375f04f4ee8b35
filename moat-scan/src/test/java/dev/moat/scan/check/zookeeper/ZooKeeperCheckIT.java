package dev.moat.scan.check.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.core.Severity;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.testing.LocalServer;
import dev.moat.testing.ZooKeeperServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three real ZooKeeper 3.8 servers: the stock 4lw whitelist ({@code srvr} only) with no ACLs, a
 * {@code *} whitelist (envi answers), and one whose root carries a digest ACL.
 */
final class ZooKeeperCheckIT {
  private static LocalServer stock;
  private static LocalServer allWords;
  private static LocalServer locked;

  @BeforeAll
  static void start() {
    stock = ZooKeeperServers.start("srvr");
    allWords = ZooKeeperServers.start("*");
    locked = ZooKeeperServers.start("srvr");
    // Test data written by the test itself before the scan.
    ZooKeeperServers.cli(stock, "create", "/dubbo", "registry=10.0.0.8 owner=13812345678");
    ZooKeeperServers.cli(locked, "create", "/dubbo", "owner=13812345678");
    ZooKeeperServers.lockRoot(locked, "admin", "s3cret");
  }

  @AfterAll
  static void stop() {
    stock.close();
    allWords.close();
    locked.close();
  }

  @Test
  void stockWhitelist_openTree_isFoundThroughJuteNotFourLetterWords() {
    PortResult r = ScanTesting.inspect(stock.port());

    assertThat(r.service().service()).isEqualTo("zookeeper");
    assertThat(r.service().version()).isEqualTo("3.8.0");
    assertThat(r.service().auth()).isEqualTo(Auth.NONE);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("zookeeper.no-auth");
              assertThat(f.evidence()).anyMatch(e -> e.contains("dubbo"));
              assertThat(f.evidence()).noneMatch(e -> e.startsWith("envi "));
              assertThat(f.exposure()).containsEntry("CN_MOBILE", 1);
              assertThat(String.join("\n", f.evidence())).doesNotContain("13812345678");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
            });
  }

  @Test
  void allFourLetterWords_addEnviEvidence() {
    PortResult r = ScanTesting.inspect(allWords.port());

    assertThat(r.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.evidence()).anyMatch(e -> e.startsWith("envi java.version=")));
  }

  @Test
  void rootAcl_isRequiredWithNoFinding() {
    PortResult r = ScanTesting.inspect(locked.port());

    assertThat(r.service().service()).isEqualTo("zookeeper");
    assertThat(r.service().auth()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }
}
