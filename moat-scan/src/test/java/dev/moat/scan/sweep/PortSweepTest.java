package dev.moat.scan.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moat.scan.ScanTesting;
import dev.moat.scan.target.Endpoint;
import dev.moat.testing.Ports;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The connect sweep on ports of loopback that this test opens or leaves closed. */
final class PortSweepTest {
  private static Endpoint endpoint(int port) {
    return new Endpoint("127.0.0.1", ScanTesting.loopback(), port, null);
  }

  @Test
  void sweep_reportsTheListeningPortOpen_andTheClosedOneNot() throws Exception {
    try (ServerSocket listening = new ServerSocket(0, 50, ScanTesting.loopback())) {
      int closed = Ports.free();
      List<Endpoint> opened = new ArrayList<>();
      Map<Integer, Boolean> swept = new ConcurrentHashMap<>();

      new PortSweep(16, 0, Duration.ofSeconds(2))
          .run(
              List.of(endpoint(listening.getLocalPort()), endpoint(closed)).iterator(),
              opened::add,
              (e, open) -> swept.put(e.port(), open));

      assertThat(opened).extracting(Endpoint::port).containsExactly(listening.getLocalPort());
      assertThat(swept).isEqualTo(Map.of(listening.getLocalPort(), true, closed, false));
    }
  }

  @Test
  void aConnectThatGetsNoAnswer_waitsInTheSelector_andCountsAsFilteredAtTheTimeout()
      throws Exception {
    // a listener that never accepts, its accept queue full: the kernel drops further SYNs, so a
    // connect neither completes nor is refused until the client gives up, as behind a firewall
    try (ServerSocket full = new ServerSocket(0, 1, ScanTesting.loopback())) {
      InetSocketAddress at = new InetSocketAddress(ScanTesting.loopback(), full.getLocalPort());
      List<SocketChannel> fillers = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          SocketChannel c = SocketChannel.open();
          c.configureBlocking(false);
          c.connect(at);
          fillers.add(c);
        }
        int closed = Ports.free();
        Map<Integer, Boolean> swept = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();

        new PortSweep(16, 0, Duration.ofMillis(400))
            .run(
                List.of(endpoint(full.getLocalPort()), endpoint(closed)).iterator(),
                e -> {},
                (e, open) -> swept.put(e.port(), open));

        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(swept).isEqualTo(Map.of(full.getLocalPort(), false, closed, false));
        assertThat(ms).isGreaterThanOrEqualTo(390).isLessThan(5_000);
      } finally {
        for (SocketChannel c : fillers) {
          c.close();
        }
      }
    }
  }

  @Test
  void threeThreads_sweepEveryEndpointOnce_andFindEveryListener() throws Exception {
    List<ServerSocket> listeners = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        listeners.add(new ServerSocket(0, 50, ScanTesting.loopback()));
      }
      Set<Integer> open = new TreeSet<>();
      listeners.forEach(l -> open.add(l.getLocalPort()));
      List<Endpoint> all = new ArrayList<>();
      open.forEach(p -> all.add(endpoint(p)));
      Set<Integer> closed = new TreeSet<>();
      while (closed.size() < 200) {
        int p = Ports.free();
        if (!open.contains(p)) {
          closed.add(p);
        }
      }
      closed.forEach(p -> all.add(endpoint(p)));
      Map<Integer, Integer> times = new ConcurrentHashMap<>();
      Set<Integer> opened = ConcurrentHashMap.newKeySet();
      Set<String> threads = ConcurrentHashMap.newKeySet();

      new PortSweep(30, 0, Duration.ofSeconds(2), 3)
          .run(
              all.iterator(),
              e -> opened.add(e.port()),
              (e, isOpen) -> {
                times.merge(e.port(), 1, Integer::sum);
                threads.add(Thread.currentThread().getName());
              });

      assertThat(opened).isEqualTo(open);
      assertThat(times).hasSize(all.size());
      assertThat(times.values()).allMatch(n -> n == 1);
      assertThat(threads).hasSizeGreaterThan(1);
    } finally {
      for (ServerSocket l : listeners) {
        l.close();
      }
    }
  }

  @Test
  void moreThreadsThanConcurrency_isRefused() {
    assertThatThrownBy(() -> new PortSweep(2, 0, Duration.ofSeconds(1), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads");
  }

  @Test
  void selfConnected_aSocketConnectedToItsOwnPort_isNoOpenPort() throws Exception {
    int port = Ports.free();
    try (SocketChannel ch = SocketChannel.open()) {
      // what the kernel does by chance when a sweep's source port equals the closed port it tries
      ch.bind(new InetSocketAddress(ScanTesting.loopback(), port));
      ch.connect(new InetSocketAddress(ScanTesting.loopback(), port));

      assertThat(ch.isConnected()).isTrue();
      assertThat(PortSweep.selfConnected(ch)).isTrue();
    }
  }

  @Test
  void selfConnected_aConnectionToAListener_isNot() throws Exception {
    try (ServerSocket listening = new ServerSocket(0, 50, ScanTesting.loopback());
        SocketChannel ch =
            SocketChannel.open(
                new InetSocketAddress(ScanTesting.loopback(), listening.getLocalPort()))) {
      assertThat(PortSweep.selfConnected(ch)).isFalse();
    }
  }
}
