package dev.moat.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AuditLogTest {
  @TempDir Path dir;

  static String event(int i) {
    return "{\"type\":\"data.access\",\"subject\":\"u"
        + i
        + "\",\"object\":\"crm.kehu\",\"outcome\":\"allow\"}";
  }

  @Test
  void append_receipts_areGaplessAndVerify() throws IOException {
    try (AuditLog log = AuditLog.open(dir, AuditOptions.defaults().withOrigin("test.local/log"))) {
      for (int i = 0; i < 10; i++) {
        assertThat(log.append(event(i)).index()).isEqualTo(i);
      }
      Checkpoint cp = log.checkpoint();
      assertThat(cp.size()).isEqualTo(10);
      assertThat(cp.text()).startsWith("test.local/log\n10\n");
      assertThat(log.verify().ok()).isTrue();
    }
    VerifyReport r = new Verifier(new LogFiles(dir), new LogFiles(dir).readKeys(), List.of()).run();
    assertThat(r.problem()).isEmpty();
    assertThat(r.entries()).isEqualTo(10);
  }

  @Test
  void open_afterACrashWhileANewSegmentWasCreated_keepsEveryEventAndGoesOn() throws IOException {
    try (AuditLog log = AuditLog.open(dir, AuditOptions.defaults())) {
      for (int i = 0; i < 10; i++) {
        log.append(event(i));
      }
      log.checkpoint();
    }
    // the machine stopped inside roll(): the next segment exists, its header not all written
    LogFiles files = new LogFiles(dir);
    Path next = files.segments().resolve(SegmentFormat.name(10));
    Files.write(next, java.util.Arrays.copyOf(SegmentFormat.header(10, 0).array(), 7));

    try (AuditLog log = AuditLog.open(dir, AuditOptions.defaults())) {
      assertThat(log.size()).isGreaterThanOrEqualTo(10);
      long before = log.size();
      assertThat(log.append(event(10)).index()).isEqualTo(before);
      VerifyReport r = log.verify();
      assertThat(r.problem()).isEmpty();
      assertThat(r.entries()).isEqualTo(before + 1);
    }
    assertThat(Files.size(next)).isGreaterThan(SegmentFormat.HEADER_LEN);
    try (var kept = Files.list(files.recovered())) {
      assertThat(kept.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith(SegmentFormat.name(10)));
    }
  }

  @Test
  void open_newLog_createsPrivateKeyWithMode0600() throws IOException {
    try (AuditLog log = AuditLog.open(dir, AuditOptions.defaults())) {
      assertThat(log.origin()).startsWith("moat.local/audit-");
    }
    assertThat(Files.getPosixFilePermissions(dir.resolve("keys/signing.key")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void open_secondWriter_isRefusedClearly() throws IOException {
    try (AuditLog log = AuditLog.open(dir, AuditOptions.defaults())) {
      assertThatThrownBy(() -> AuditLog.open(dir, AuditOptions.defaults()))
          .isInstanceOf(AuditException.class)
          .hasMessageContaining("in use by another writer");
      assertThat(log.size()).isZero();
    }
  }

  @Test
  void append_malformedJson_isRejectedAtOnce() throws IOException {
    try (AuditLog log = AuditLog.open(dir, AuditOptions.defaults())) {
      assertThatThrownBy(() -> log.append("{\"a\":"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("malformed JSON");
      assertThatThrownBy(() -> log.append("[1,2]")).hasMessageContaining("not a JSON object");
      assertThatThrownBy(() -> log.append("{} {}")).hasMessageContaining("after the JSON object");
      assertThat(log.size()).isZero();
    }
  }

  @Test
  void appendAsync_concurrentProducers_allAcknowledgedInOneTree() throws Exception {
    try (AuditLog log = AuditLog.open(dir, AuditOptions.defaults().withSegmentBytes(64 * 1024))) {
      List<CompletableFuture<Receipt>> all = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      List<List<CompletableFuture<Receipt>>> per = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        List<CompletableFuture<Receipt>> mine = new ArrayList<>();
        per.add(mine);
        int base = t * 1000;
        threads.add(
            new Thread(
                () -> {
                  for (int i = 0; i < 1000; i++) {
                    mine.add(log.appendAsync(event(base + i)));
                  }
                }));
      }
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }
      per.forEach(all::addAll);
      CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).join();
      assertThat(all.stream().map(f -> f.join().index()).distinct().count()).isEqualTo(4000);
      log.checkpoint();
      assertThat(new LogFiles(dir).listSegments().size()).isGreaterThan(1);
      VerifyReport r = log.verify();
      assertThat(r.problem()).isEmpty();
      assertThat(r.entries()).isEqualTo(4000);
    }
  }

  /** The system clock, except that one armed call waits until released. */
  static final class HeldClock extends Clock {
    final CountDownLatch held = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicBoolean armed = new AtomicBoolean();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      if (armed.compareAndSet(true, false)) {
        held.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return Instant.now();
    }
  }

  @Test
  void commit_oneBatchLargerThanASegment_isSplitAcrossSegments() throws Exception {
    // The writer reads the clock as it begins a batch; it is held there while 600 appends queue
    // up, so they are drained as one batch of ~70 KB against 8 KiB segments.
    HeldClock clock = new HeldClock();
    long limit = 8192;
    try (AuditLog log =
        AuditLog.open(dir, AuditOptions.defaults().withClock(clock).withSegmentBytes(limit))) {
      clock.armed.set(true);
      CompletableFuture<Receipt> first = log.appendAsync(event(0));
      clock.held.await();
      List<CompletableFuture<Receipt>> rest = new ArrayList<>();
      for (int i = 1; i <= 600; i++) {
        rest.add(log.appendAsync(event(i)));
      }
      clock.release.countDown();
      first.join();
      CompletableFuture.allOf(rest.toArray(new CompletableFuture<?>[0])).join();
      assertThat(log.stats().maxBatch()).isEqualTo(600);
      List<LogFiles.Segment> segments = new LogFiles(dir).listSegments();
      assertThat(segments.size()).isGreaterThan(7);
      int oneRecord = event(600).length() + 64;
      for (LogFiles.Segment s : segments) {
        assertThat(Files.size(s.path())).isLessThan(limit + oneRecord);
      }
      VerifyReport r = log.verify();
      assertThat(r.problem()).isEmpty();
      assertThat(r.entries()).isEqualTo(601);
    }
    try (AuditLog log = AuditLog.open(dir, AuditOptions.defaults().withSegmentBytes(limit))) {
      assertThat(log.size()).isEqualTo(601);
      assertThat(log.verify().problem()).isEmpty();
    }
  }

  @Test
  void prove_entry_verifiesWithPublicKeyCheckpointAndProofOnly() throws IOException {
    VerifierKey pub;
    try (AuditLog log = AuditLog.open(dir, AuditOptions.defaults().withSegmentBytes(8192))) {
      for (int i = 0; i < 300; i++) {
        log.append(event(i));
      }
      log.checkpoint();
      pub = log.publicKey();
    }
    LogReader reader = LogReader.open(dir);
    LogReader.Proven p = reader.prove(123);
    // A regulator's view: only the public key, the checkpoint text, the entry and the path.
    Checkpoint cp = Checkpoint.verify(p.checkpoint().text(), List.of(pub));
    Proofs.verifyInclusion(
        123, cp.size(), LogReader.leafHash(p.entry()), p.proof().path(), cp.root());
    assertThat(p.entry().json()).isEqualTo(event(123));
  }

  @Test
  void consistency_appendsAfterCheckpoint_areProvenConsistent() throws IOException {
    Checkpoint old;
    try (AuditLog log = AuditLog.open(dir, AuditOptions.defaults())) {
      for (int i = 0; i < 37; i++) {
        log.append(event(i));
      }
      old = log.checkpoint();
      for (int i = 37; i < 100; i++) {
        log.append(event(i));
      }
      log.checkpoint();
    }
    LogReader reader = LogReader.open(dir);
    ConsistencyProof p = reader.consistency(old.size());
    p.verify(old.root(), reader.checkpoint().root());
    VerifyReport r =
        new Verifier(new LogFiles(dir), new LogFiles(dir).readKeys(), List.of(old.text())).run();
    assertThat(r.problem()).isEmpty();
  }

  @Test
  void reopen_afterClose_continuesIndexes() throws IOException {
    try (AuditLog log = AuditLog.open(dir, AuditOptions.defaults())) {
      log.append(event(0));
    }
    try (AuditLog log = AuditLog.open(dir, AuditOptions.defaults())) {
      assertThat(log.append(event(1)).index()).isEqualTo(1);
    }
    assertThat(new Verifier(new LogFiles(dir), new LogFiles(dir).readKeys(), List.of()).run().ok())
        .isTrue();
  }

  @Test
  void rotateKey_oldCheckpointsStillVerify() throws IOException {
    VerifierKey first;
    Checkpoint before;
    try (AuditLog log = AuditLog.open(dir, AuditOptions.defaults())) {
      first = log.publicKey();
      log.append(event(0));
      before = log.checkpoint();
      VerifierKey second = log.rotateKey();
      assertThat(second).isNotEqualTo(first);
      log.append(event(1));
      Checkpoint after = log.checkpoint();
      assertThat(Checkpoint.verify(after.text(), List.of(second)).size()).isEqualTo(2);
      assertThatThrownBy(() -> Checkpoint.verify(after.text(), List.of(first)))
          .hasMessageContaining("no valid signature");
    }
    assertThat(Checkpoint.verify(before.text(), List.of(first)).size()).isEqualTo(1);
    assertThat(new LogFiles(dir).readKeys()).hasSize(2);
    assertThat(
            new Verifier(new LogFiles(dir), new LogFiles(dir).readKeys(), List.of())
                .run()
                .problem())
        .isEmpty();
  }

  @Test
  void open_keyOfAnotherLog_isRefused(@TempDir Path other) throws IOException {
    try (AuditLog a = AuditLog.open(dir, AuditOptions.defaults())) {
      a.append(event(0));
    }
    try (AuditLog b = AuditLog.open(other, AuditOptions.defaults())) {
      b.append(event(0));
    }
    assertThatThrownBy(
            () ->
                AuditLog.open(
                    dir, AuditOptions.defaults().withKeyFile(other.resolve("keys/signing.key"))))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("is not one of this log's keys");
  }

  @Test
  void entry_storedJson_isByteForByteTheAppendedOne() throws IOException {
    String json = "{\"type\":\"x\",\"name\":\"张三\"}";
    try (AuditLog log = AuditLog.open(dir, AuditOptions.defaults())) {
      log.append(json);
    }
    assertThat(LogReader.open(dir).entry(0).orElseThrow().json().getBytes(StandardCharsets.UTF_8))
        .isEqualTo(json.getBytes(StandardCharsets.UTF_8));
  }
}
