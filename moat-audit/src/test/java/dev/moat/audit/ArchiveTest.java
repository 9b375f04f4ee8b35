package dev.moat.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ArchiveTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  @TempDir Path dir;

  private AuditOptions at(Instant t) {
    return AuditOptions.defaults().withSegmentBytes(8192).withClock(Clock.fixed(t, ZoneOffset.UTC));
  }

  private void fill(AuditLog log, int from, int to, String type) {
    List<CompletableFuture<Receipt>> acks = new ArrayList<>();
    for (int i = from; i < to; i++) {
      acks.add(
          log.appendAsync(
              "{\"type\":\"" + type + "\",\"n\":" + i + ",\"pad\":\"" + "x".repeat(100) + "\"}"));
      if (acks.size() == 20) {
        // Small batches, so segments roll at their size limit.
        acks.forEach(CompletableFuture::join);
        acks.clear();
      }
    }
    acks.forEach(CompletableFuture::join);
  }

  @Test
  void archive_expiredSegments_movedGzippedAndLogStillVerifies() throws IOException {
    try (AuditLog log = AuditLog.open(dir, at(T0))) {
      fill(log, 0, 300, "network.access");
    }
    int before = new LogFiles(dir).liveSegments().size();
    try (AuditLog log = AuditLog.open(dir, at(T0.plus(Duration.ofDays(100))))) {
      assertThat(log.archive(Retention.defaults(), true)).isEmpty();
    }
    List<String> archived;
    try (AuditLog log = AuditLog.open(dir, at(T0.plus(Duration.ofDays(181))))) {
      archived = log.archive(Retention.defaults(), true);
      fill(log, 300, 310, "network.access");
    }
    assertThat(archived).hasSize(before - 1);
    assertThat(new LogFiles(dir).liveSegments())
        .extracting(LogFiles.Segment::name)
        .doesNotContainAnyElementsOf(archived);
    assertThat(Files.exists(dir.resolve("archive").resolve(archived.get(0) + ".gz"))).isTrue();
    VerifyReport r = new Verifier(new LogFiles(dir), new LogFiles(dir).readKeys(), List.of()).run();
    assertThat(r.problem()).isEmpty();
    assertThat(r.entries()).isEqualTo(310);
    LogReader.Proven p = LogReader.open(dir).prove(5);
    assertThat(p.entry().json()).contains("\"n\":5,");
  }

  @Test
  void archive_perTypeRetention_keepsLongerLivedRecords() throws IOException {
    try (AuditLog log = AuditLog.open(dir, at(T0))) {
      fill(log, 0, 100, "pi.provision");
      fill(log, 100, 300, "network.access");
    }
    Retention r =
        new Retention(Duration.ofDays(180), Map.of("pi.provision", Duration.ofDays(3 * 365)));
    List<String> archived;
    try (AuditLog log = AuditLog.open(dir, at(T0.plus(Duration.ofDays(200))))) {
      archived = log.archive(r, false);
    }
    // Segments holding pi.provision records stay live; later network.access segments go.
    List<LogFiles.Segment> live = new LogFiles(dir).liveSegments();
    assertThat(live.get(0).firstIndex()).isZero();
    assertThat(archived).isNotEmpty().doesNotContain(SegmentFormat.name(0));
    assertThat(
            new Verifier(new LogFiles(dir), new LogFiles(dir).readKeys(), List.of())
                .run()
                .problem())
        .isEmpty();
  }

  @Test
  void archive_deletedArchiveFile_isDetected() throws IOException {
    try (AuditLog log = AuditLog.open(dir, at(T0))) {
      fill(log, 0, 300, "network.access");
    }
    List<String> archived;
    try (AuditLog log = AuditLog.open(dir, at(T0.plus(Duration.ofDays(181))))) {
      archived = log.archive(Retention.defaults(), false);
    }
    Files.delete(dir.resolve("archive").resolve(archived.get(0)));
    assertThat(
            new Verifier(new LogFiles(dir), new LogFiles(dir).readKeys(), List.of())
                .run()
                .problem())
        .get()
        .asString()
        .contains("a segment is missing");
  }
}
