package dev.moat.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.moat.core.Auth;
import dev.moat.core.ScanReport;
import dev.moat.scan.check.Checks;
import dev.moat.scan.target.PortSet;
import dev.moat.scan.target.Targets;
import dev.moat.testing.HostilePeer;
import dev.moat.testing.HostilePeer.Behaviour;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Broken and hostile peers: every one must be reported as an open port and the whole scan (sweep,
 * fingerprinting with every probe, TLS, checks) must finish within a fixed time, with no exception.
 */
final class HostilePeersIT {
  /** Probe waves (1 s each) + TLS handshake + probe waves in TLS, with a wide margin. */
  private static final Duration LIMIT = Duration.ofSeconds(30);

  @ParameterizedTest
  @EnumSource(Behaviour.class)
  void hostilePeer_scanFinishesInTime_andReportsThePort(Behaviour behaviour) {
    try (HostilePeer peer = HostilePeer.start(behaviour)) {
      ScanConfig config = ScanTesting.fastConfig().build();
      Scanner scanner = new Scanner(config, Checks.load());
      Targets targets = Targets.parse(List.of("127.0.0.1"), List.of());
      PortSet ports = PortSet.of(List.of(peer.port()));
      ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

      ScanReport report =
          assertTimeoutPreemptively(
              LIMIT,
              () -> scanner.scan(targets, ports, scanner.progressFor(targets, ports), errors::add));

      assertThat(report.services())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.port()).isEqualTo(peer.port());
                assertThat(s.auth()).isEqualTo(Auth.UNKNOWN);
              });
      assertThat(report.findings()).isEmpty();
    }
  }
}
