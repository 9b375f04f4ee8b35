package dev.moat.bench.audit;

import dev.moat.audit.AuditLog;
import dev.moat.audit.AuditOptions;
import dev.moat.audit.Receipt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable appends with group commit from 8 producer threads, each keeping {@code window} appends in
 * flight (appendAsync, as the gateway's event loops do). One op = one ~280-byte event accepted;
 * every op's receipt is awaited before the thread finishes its window, so throughput counts durable
 * events.
 *
 * <p>Run: {@code ./mvnw -Pbench -pl moat-bench -am package -DskipTests && java -jar
 * moat-bench/target/benchmarks.jar AuditAppendBenchmark}. For fsync counts and latency use {@link
 * AuditAppendRun}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@Threads(8)
public class AuditAppendBenchmark {
  @Param({"256", "2048"})
  public int window;

  private Path dir;
  private AuditLog log;
  private final byte[][] events = new byte[4096][];

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("moat-audit-bench-");
    log = AuditLog.open(dir, AuditOptions.defaults());
    for (int i = 0; i < events.length; i++) {
      events[i] = AuditEvents.event(i);
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    log.close();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Per-thread window of appends in flight. */
  @State(Scope.Thread)
  public static class Producer {
    final ArrayDeque<CompletableFuture<Receipt>> inFlight = new ArrayDeque<>();
    int next;

    @TearDown(Level.Iteration)
    public void drain() {
      while (!inFlight.isEmpty()) {
        inFlight.poll().join();
      }
    }
  }

  @Benchmark
  public long append(Producer p) {
    long done = -1;
    if (p.inFlight.size() >= window) {
      done = p.inFlight.poll().join().index();
    }
    p.inFlight.add(log.appendAsync(events[p.next++ & (events.length - 1)]));
    return done;
  }
}
