package dev.moat.bench;

import dev.moat.scan.sweep.PortSweep;
import dev.moat.scan.target.PortSet;
import dev.moat.scan.target.Targets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the raw TCP connect sweep ({@link PortSweep}) over every port of one host and prints
 * ports per second. Run it inside a network namespace of its own, never on a shared loopback:
 *
 * <pre>
 * ip netns add moatbench; ip netns exec moatbench ip link set lo up
 * ip netns exec moatbench java -cp moat-bench/target/benchmarks.jar dev.moat.bench.SweepRate \
 *     127.0.0.1 4000 [THREADS]
 * </pre>
 */
public final class SweepRate {
  private SweepRate() {}

  public static void main(String[] args) throws Exception {
    String host = args.length > 0 ? args[0] : "127.0.0.1";
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Targets t = Targets.parse(List.of(host), List.of());
    PortSet all = PortSet.all();
    AtomicLong open = new AtomicLong();
    AtomicLong swept = new AtomicLong();
    PortSweep sweep = new PortSweep(concurrency, 0, Duration.ofMillis(1500), threads);
    long start = System.nanoTime();
    sweep.run(t.endpoints(all), e -> open.incrementAndGet(), (e, o) -> swept.incrementAndGet());
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "swept %d ports of %s in %.3f s with %d thread(s): %.0f ports/s, %d open%n",
        swept.get(), host, seconds, threads, swept.get() / seconds, open.get());
  }
}
