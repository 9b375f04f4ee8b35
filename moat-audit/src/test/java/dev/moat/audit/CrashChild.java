package dev.moat.audit;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * Child JVM of {@link CrashIT}: appends forever with many appends in flight, prints each
 * acknowledged index on its own line (flushed), checkpoints now and then, until it is killed.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    try (AuditLog log =
        AuditLog.open(Path.of(args[0]), AuditOptions.defaults().withSegmentBytes(16 * 1024))) {
      ArrayDeque<CompletableFuture<Receipt>> inFlight = new ArrayDeque<>();
      for (long i = 0; ; i++) {
        inFlight.add(log.appendAsync(AuditLogTest.event((int) i)));
        if (inFlight.size() >= 64) {
          while (!inFlight.isEmpty()) {
            out.println(inFlight.poll().join().index());
          }
          out.flush();
        }
        if (i % 500 == 0) {
          log.checkpoint();
        }
      }
    }
  }
}
