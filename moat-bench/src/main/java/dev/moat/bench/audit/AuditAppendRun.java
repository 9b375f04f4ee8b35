package dev.moat.bench.audit;

import dev.moat.audit.AuditLog;
import dev.moat.audit.AuditOptions;
import dev.moat.audit.Receipt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Durable group-commit throughput from concurrent producers, with the fsync count and latency.
 *
 * <p>Run: {@code java -cp moat-bench/target/benchmarks.jar dev.moat.bench.audit.AuditAppendRun DIR
 * [producers=8] [eventsPerProducer=250000] [window=1024]}. Each producer keeps up to {@code window}
 * appends in flight (as a Netty event loop would with appendAsync) and waits for the oldest when
 * the window is full. An event counts only once its receipt says it is on disk.
 */
public final class AuditAppendRun {
  private AuditAppendRun() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int producers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int perProducer = args.length > 2 ? Integer.parseInt(args[2]) : 250_000;
    int window = args.length > 3 ? Integer.parseInt(args[3]) : 1024;
    Files.createDirectories(dir);
    byte[][] events = new byte[4096][];
    for (int i = 0; i < events.length; i++) {
      events[i] = AuditEvents.event(i);
    }
    // Warm up on a throw-away log so the JIT has compiled the hot path.
    Path warm = Files.createTempDirectory(dir, "warmup-");
    try (AuditLog log = AuditLog.open(warm, AuditOptions.defaults())) {
      run(log, 2, 100_000, window, events);
    }
    try (AuditLog log = AuditLog.open(dir.resolve("log"), AuditOptions.defaults())) {
      long t0 = System.nanoTime();
      run(log, producers, perProducer, window, events);
      long ns = System.nanoTime() - t0;
      long total = (long) producers * perProducer;
      AuditLog.Stats st = log.stats();
      System.out.printf(
          "appended %,d events of ~%d bytes from %d producers in %.2f s: %,.0f events/s durable%n",
          total, events[0].length, producers, ns / 1e9, total / (ns / 1e9));
      System.out.printf(
          "fsyncs: %,d (%.0f events per fsync on average, largest batch %,d); mean fsync %.3f ms%n",
          st.fsyncs(),
          (double) total / st.fsyncs(),
          st.maxBatch(),
          st.fsyncNanos() / 1e6 / st.fsyncs());
    }
  }

  static void run(AuditLog log, int producers, int perProducer, int window, byte[][] events)
      throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int id = p;
      Thread t =
          new Thread(
              () -> {
                ArrayDeque<CompletableFuture<Receipt>> inFlight = new ArrayDeque<>();
                for (int i = 0; i < perProducer; i++) {
                  if (inFlight.size() >= window) {
                    inFlight.poll().join();
                  }
                  inFlight.add(log.appendAsync(events[(id * 31 + i) & (events.length - 1)]));
                }
                while (!inFlight.isEmpty()) {
                  inFlight.poll().join();
                }
              });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
  }
}
