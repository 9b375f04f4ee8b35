package dev.moat.bench.audit;

import dev.moat.audit.AuditLog;
import dev.moat.audit.AuditOptions;
import dev.moat.audit.Receipt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Writes a log of about {@code megabytes} MB of ~280-byte events (for the verify benchmark).
 *
 * <p>Run: {@code java -cp moat-bench/target/benchmarks.jar dev.moat.bench.audit.AuditLogGen DIR
 * 1024}.
 */
public final class AuditLogGen {
  private AuditLogGen() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long bytes = Long.parseLong(args[1]) << 20;
    long n = 0;
    long written = 0;
    try (AuditLog log = AuditLog.open(dir, AuditOptions.defaults())) {
      List<CompletableFuture<Receipt>> acks = new ArrayList<>();
      while (written < bytes) {
        byte[] e = AuditEvents.event(n++);
        written += e.length + 24;
        acks.add(log.appendAsync(e));
        if (acks.size() == 50_000) {
          acks.forEach(CompletableFuture::join);
          acks.clear();
        }
      }
      acks.forEach(CompletableFuture::join);
      log.checkpoint();
    }
    System.out.printf("wrote %,d events (%,d MB of records) to %s%n", n, written >> 20, dir);
  }
}
