package dev.moat.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulated power loss: a file layer that, when the power is cut, forgets every byte not yet forced
 * (keeping a random torn part of them, possibly garbled), as a disk cache would. Then the log is
 * reopened on the real disk and must hold every acknowledged event and verify.
 */
final class PowerLossTest {
  @TempDir Path dir;

  /** Wraps the disk; tracks the size each file had at its last force. */
  static final class LossyLayer implements FileLayer {
    private final FileLayer disk = FileLayer.disk();
    private final Map<Path, Long> durable = new HashMap<>();
    private final Map<Path, StorageFile> open = new HashMap<>();
    private final Random random;
    private boolean dead;

    LossyLayer(long seed) {
      this.random = new Random(seed);
    }

    @Override
    public synchronized StorageFile open(Path path, boolean create) throws IOException {
      check();
      StorageFile f = disk.open(path, create);
      durable.putIfAbsent(path, f.size());
      open.put(path, f);
      return new StorageFile() {
        @Override
        public void write(ByteBuffer src, long position) throws IOException {
          synchronized (LossyLayer.this) {
            check();
            f.write(src, position);
          }
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
          synchronized (LossyLayer.this) {
            check();
            return f.read(dst, position);
          }
        }

        @Override
        public long size() throws IOException {
          synchronized (LossyLayer.this) {
            check();
            return f.size();
          }
        }

        @Override
        public void truncate(long size) throws IOException {
          synchronized (LossyLayer.this) {
            check();
            f.truncate(size);
            durable.put(path, Math.min(durable.get(path), size));
          }
        }

        @Override
        public void force() throws IOException {
          synchronized (LossyLayer.this) {
            check();
            f.force();
            durable.put(path, f.size());
          }
        }

        @Override
        public void close() throws IOException {
          synchronized (LossyLayer.this) {
            if (!dead) {
              // Closing does not make data durable: cut what was never forced now.
              f.truncate(durable.get(path));
              open.remove(path);
            }
            f.close();
          }
        }
      };
    }

    private void check() throws IOException {
      if (dead) {
        throw new IOException("power lost");
      }
    }

    /** Cuts the power: unforced bytes are lost, except a random torn, maybe garbled, part. */
    synchronized void cut() throws IOException {
      dead = true;
      for (Map.Entry<Path, StorageFile> e : open.entrySet()) {
        StorageFile f = e.getValue();
        long size = f.size();
        long keep = durable.get(e.getKey());
        if (size > keep) {
          long torn = random.nextInt((int) Math.min(size - keep, 4096) + 1);
          if (torn > 0 && random.nextBoolean()) {
            ByteBuffer b = ByteBuffer.allocate(1);
            long at = keep + random.nextInt((int) torn);
            f.read(b, at);
            b.flip();
            b.put(0, (byte) (b.get(0) ^ 0x5a));
            f.write(b, at);
          }
          f.truncate(keep + torn);
        }
      }
    }
  }

  @Test
  void powerCut_manyRounds_keepsEveryAcknowledgedEvent() throws Exception {
    List<Long> acked = new ArrayList<>();
    Random random = new Random(7);
    for (int round = 0; round < 15; round++) {
      LossyLayer layer = new LossyLayer(round);
      AuditLog log =
          AuditLog.open(dir, AuditOptions.defaults().withFiles(layer).withSegmentBytes(8192));
      List<CompletableFuture<Receipt>> inFlight = new ArrayList<>();
      int n = 50 + random.nextInt(400);
      for (int i = 0; i < n; i++) {
        inFlight.add(log.appendAsync(AuditLogTest.event(i)));
        if (i == n / 2) {
          log.checkpoint();
        }
      }
      layer.cut();
      for (CompletableFuture<Receipt> f : inFlight) {
        try {
          acked.add(f.join().index());
        } catch (RuntimeException e) {
          // not acknowledged: may be lost
        }
      }
      try {
        log.close();
      } catch (IOException | RuntimeException e) {
        // the power is off
      }
      try (AuditLog reopened = AuditLog.open(dir, AuditOptions.defaults())) {
        long max = acked.stream().mapToLong(Long::longValue).max().orElse(-1);
        assertThat(reopened.size()).as("round %d", round).isGreaterThan(max);
      }
    }
    VerifyReport report =
        new Verifier(new LogFiles(dir), new LogFiles(dir).readKeys(), List.of()).run();
    assertThat(report.problem()).isEmpty();
    java.util.Set<Long> present = new java.util.HashSet<>();
    LogReader.open(dir).scan(0, e -> present.add(e.index()));
    assertThat(present).containsAll(acked);
  }
}
