package dev.moat.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.moat.core.Auth;
import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Checks;
import dev.moat.scan.check.Identity;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** How {@link PortInspector} runs the checks of one port and combines what they found. */
final class PortInspectorTest {

  /**
   * A check on HTTP ports that takes {@code millis} and then answers {@code result} (or throws).
   */
  private static Check slow(
      String id, long millis, Set<String> threads, @Nullable CheckResult result) {
    return new Check() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Set<String> services() {
        return Set.of("http");
      }

      @Override
      public CheckResult run(CheckContext ctx) throws IOException {
        threads.add(Thread.currentThread().getName());
        try {
          Thread.sleep(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        if (result == null) {
          throw new IOException(id + " failed");
        }
        return result;
      }
    };
  }

  @Test
  void theChecksOfOnePort_runSideBySide_andCombineInCheckOrder() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(ScanTesting.loopback(), 0), 16);
    server.createContext(
        "/",
        x -> {
          byte[] body = "<h1>hi</h1>".getBytes(StandardCharsets.UTF_8);
          x.sendResponseHeaders(200, body.length);
          x.getResponseBody().write(body);
          x.close();
        });
    server.start();
    try {
      Set<String> threads = ConcurrentHashMap.newKeySet();
      // "b" names the service but ends after "c": the combination must still follow check order
      List<Check> list = new ArrayList<>();
      list.add(slow("a", 300, threads, CheckResult.notApplicable()));
      list.add(slow("b", 500, threads, CheckResult.locked(Identity.of("http", "ProductB", null))));
      list.add(
          slow(
              "c",
              100,
              threads,
              CheckResult.open(Identity.of("http", "ProductC", null), Auth.NONE, List.of())));
      list.add(slow("d", 300, threads, null));
      list.add(slow("e", 300, threads, CheckResult.notApplicable()));
      list.add(slow("f", 300, threads, CheckResult.notApplicable()));
      PortInspector inspector =
          new PortInspector(ScanTesting.fastConfig().build(), Checks.of(list));

      long t0 = System.nanoTime();
      PortResult r =
          inspector.inspect(
              "127.0.0.1", ScanTesting.loopback(), server.getAddress().getPort(), "http");
      long ms = (System.nanoTime() - t0) / 1_000_000;

      assertThat(r.service().service()).isEqualTo("http");
      assertThat(r.service().product()).isEqualTo("ProductB"); // first in order, not first done
      assertThat(r.service().auth()).isEqualTo(Auth.REQUIRED);
      assertThat(r.errors()).containsExactly("d: IOException: d failed");
      assertThat(threads).hasSizeGreaterThan(1).hasSizeLessThanOrEqualTo(PortInspector.LANES);
      assertThat(ms).isLessThan(1_600); // one after another: 1,800 ms of checks alone
    } finally {
      server.stop(0);
    }
  }

  @Test
  void checksOfOnePort_askingForTheSamePath_shareOneRequest() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(ScanTesting.loopback(), 0), 16);
    java.util.concurrent.atomic.AtomicInteger shared =
        new java.util.concurrent.atomic.AtomicInteger();
    server.createContext(
        "/",
        x -> {
          if (x.getRequestURI().getPath().equals("/shared")) {
            shared.incrementAndGet();
          }
          byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
          x.sendResponseHeaders(200, body.length);
          x.getResponseBody().write(body);
          x.close();
        });
    server.start();
    try {
      List<Check> list = new ArrayList<>();
      Set<Integer> statuses = ConcurrentHashMap.newKeySet();
      for (String id : List.of("g1", "g2", "g3", "g4", "g5")) {
        list.add(
            new Check() {
              @Override
              public String id() {
                return id;
              }

              @Override
              public Set<String> services() {
                return Set.of("http");
              }

              @Override
              public CheckResult run(CheckContext ctx) throws IOException {
                statuses.add(dev.moat.scan.check.Http.get(ctx, "/shared").status());
                return CheckResult.notApplicable();
              }
            });
      }
      PortResult r =
          new PortInspector(ScanTesting.fastConfig().build(), Checks.of(list))
              .inspect("127.0.0.1", ScanTesting.loopback(), server.getAddress().getPort(), "http");

      assertThat(r.errors()).isEmpty();
      assertThat(statuses).containsExactly(200);
      assertThat(shared.get()).isEqualTo(1);
    } finally {
      server.stop(0);
    }
  }
}
