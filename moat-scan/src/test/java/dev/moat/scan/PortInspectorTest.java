package dev.moat.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.moat.core.Auth;
import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Checks;
import dev.moat.scan.check.Http;
import dev.moat.scan.check.Identity;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** How {@link PortInspector} runs the checks of one port and combines what they found. */
final class PortInspectorTest {

  /** What a test check does on its port. */
  @FunctionalInterface
  private interface Body {
    CheckResult run(CheckContext ctx) throws IOException;
  }

  /** A check on HTTP ports that does {@code body}. */
  private static Check httpCheck(String id, Body body) {
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
        return body.run(ctx);
      }
    };
  }

  /**
   * A check that notes its thread, takes {@code millis} and then answers {@code result}, or throws
   * when it is null.
   */
  private static Check slow(
      String id, long millis, Set<String> threads, @Nullable CheckResult result) {
    return httpCheck(
        id,
        ctx -> {
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
        });
  }

  /** A loopback HTTP server that answers 200 to every path and counts the requests per path. */
  private static HttpServer server(ConcurrentHashMap<String, AtomicInteger> requests)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(ScanTesting.loopback(), 0), 16);
    server.createContext(
        "/",
        x -> {
          requests
              .computeIfAbsent(x.getRequestURI().getPath(), p -> new AtomicInteger())
              .incrementAndGet();
          byte[] body = "<h1>hi</h1>".getBytes(StandardCharsets.UTF_8);
          x.sendResponseHeaders(200, body.length);
          x.getResponseBody().write(body);
          x.close();
        });
    server.start();
    return server;
  }

  private static PortResult inspect(HttpServer server, List<Check> checks) {
    return new PortInspector(ScanTesting.fastConfig().build(), Checks.of(checks))
        .inspect("127.0.0.1", ScanTesting.loopback(), server.getAddress().getPort(), "http");
  }

  @Test
  void theChecksOfOnePort_runSideBySide_andCombineInCheckOrder() throws IOException {
    HttpServer server = server(new ConcurrentHashMap<>());
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

      long t0 = System.nanoTime();
      PortResult r = inspect(server, list);
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
    ConcurrentHashMap<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    HttpServer server = server(requests);
    try {
      Set<Integer> statuses = ConcurrentHashMap.newKeySet();
      List<Check> list = new ArrayList<>();
      for (String id : List.of("g1", "g2", "g3", "g4", "g5")) {
        list.add(
            httpCheck(
                id,
                ctx -> {
                  statuses.add(Http.get(ctx, "/shared").status());
                  return CheckResult.notApplicable();
                }));
      }

      PortResult r = inspect(server, list);

      assertThat(r.errors()).isEmpty();
      assertThat(statuses).containsExactly(200);
      assertThat(requests.get("/shared")).hasValue(1);
    } finally {
      server.stop(0);
    }
  }
}
