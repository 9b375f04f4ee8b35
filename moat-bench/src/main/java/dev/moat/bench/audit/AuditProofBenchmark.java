package dev.moat.bench.audit;

import dev.moat.audit.AuditLog;
import dev.moat.audit.AuditOptions;
import dev.moat.audit.InclusionProof;
import dev.moat.audit.LogReader;
import dev.moat.audit.Receipt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Inclusion-proof generation from the tree files at two log sizes, a thousand times apart: the time
 * should grow with log₂ n (≈ 10 vs ≈ 20 hashes), not with n.
 *
 * <p>Run: {@code java -jar moat-bench/target/benchmarks.jar AuditProofBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class AuditProofBenchmark {
  @Param({"1000", "1000000"})
  public int size;

  private LogReader reader;
  private final SplittableRandom random = new SplittableRandom(1);

  @Setup(Level.Trial)
  public void build() throws IOException {
    Path dir = Files.createTempDirectory("moat-audit-proof-");
    try (AuditLog log = AuditLog.open(dir, AuditOptions.defaults())) {
      List<CompletableFuture<Receipt>> acks = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        acks.add(log.appendAsync(AuditEvents.event(i)));
        if (acks.size() == 100_000) {
          acks.forEach(CompletableFuture::join);
          acks.clear();
        }
      }
      acks.forEach(CompletableFuture::join);
      log.checkpoint();
    }
    reader = LogReader.open(dir);
    // The deterministic measure of O(log n): stored nodes read per proof.
    long[] reads = {0};
    dev.moat.audit.NodeReader counting =
        (level, index) -> {
          reads[0]++;
          return reader.nodes().node(level, index);
        };
    int proofs = 1000;
    for (int i = 0; i < proofs; i++) {
      dev.moat.audit.Proofs.inclusion(counting, random.nextInt(size), size);
    }
    System.out.printf(
        "%nsize %,d: %.1f node reads per inclusion proof (log2 n = %.1f)%n",
        size, (double) reads[0] / proofs, Math.log(size) / Math.log(2));
  }

  @Benchmark
  public InclusionProof prove() throws IOException {
    return reader.inclusionProof(random.nextInt(size - 1), size);
  }
}
