package dev.moat.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of tampering, checked the way a regulator would: with the public key they were given
 * and a checkpoint they received earlier, not with anything from the log directory.
 */
final class TamperTest {
  @TempDir Path dir;
  private static Path template;
  private static VerifierKey publicKey;
  private static String earlier;

  /** One log for all tests (fsyncs are slow on a busy machine); each test gets a copy. */
  @BeforeAll
  static void buildTemplate() throws IOException {
    template = Files.createTempDirectory("moat-tamper-template-");
    try (AuditLog log =
        AuditLog.open(template, AuditOptions.defaults().withSegmentBytes(8192).withMaxBatch(10))) {
      List<java.util.concurrent.CompletableFuture<Receipt>> acks = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        acks.add(log.appendAsync(AuditLogTest.event(i)));
      }
      acks.forEach(java.util.concurrent.CompletableFuture::join);
      earlier = log.checkpoint().text();
      for (int i = 300; i < 350; i++) {
        acks.add(log.appendAsync(AuditLogTest.event(i)));
      }
      acks.forEach(java.util.concurrent.CompletableFuture::join);
      log.checkpoint();
      publicKey = log.publicKey();
    }
  }

  @AfterAll
  static void dropTemplate() throws IOException {
    try (Stream<Path> s = Files.walk(template)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @BeforeEach
  void copy() throws IOException {
    try (Stream<Path> s = Files.walk(template)) {
      for (Path p : s.toList()) {
        Path to = dir.resolve(template.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    assertThat(segments().size()).isGreaterThanOrEqualTo(4);
  }

  private VerifyReport verify() throws IOException {
    return new Verifier(new LogFiles(dir), List.of(publicKey), List.of(earlier)).run();
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("segments"))) {
      return s.sorted(Comparator.comparing(Path::toString)).toList();
    }
  }

  /** Offsets of the frames of a segment file. */
  private static List<Integer> frames(byte[] seg) {
    List<Integer> out = new ArrayList<>();
    int p = SegmentFormat.HEADER_LEN;
    while (p + 4 <= seg.length) {
      out.add(p);
      p += 8 + ByteBuffer.wrap(seg, p, 4).getInt();
    }
    return out;
  }

  @Test
  void untouched_verifies() throws IOException {
    VerifyReport r = verify();
    assertThat(r.problem()).isEmpty();
    assertThat(r.entries()).isEqualTo(350);
    assertThat(r.checkpoints()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void flippedByte_isNamedBySegmentAndEntry() throws IOException {
    Path seg = segments().get(2);
    byte[] b = Files.readAllBytes(seg);
    int at = frames(b).get(3) + 30;
    b[at] ^= 1;
    Files.write(seg, b);
    assertThat(verify().problem())
        .get()
        .asString()
        .contains(seg.getFileName().toString())
        .contains("checksum mismatch");
  }

  @Test
  void flippedByteWithRecomputedCrc_isCaughtByTheRoot() throws IOException {
    Path seg = segments().get(1);
    byte[] b = Files.readAllBytes(seg);
    int f = frames(b).get(2);
    int len = ByteBuffer.wrap(b, f, 4).getInt();
    b[f + 4 + 20] ^= 1;
    CRC32C crc = new CRC32C();
    crc.update(b, f, 4 + len);
    ByteBuffer.wrap(b, f + 4 + len, 4).putInt((int) crc.getValue());
    Files.write(seg, b);
    long index = ByteBuffer.wrap(b, f + 4, 8).getLong();
    assertThat(verify().problem())
        .get()
        .asString()
        .contains("does not match checkpoint")
        .contains("entry " + index + " differs");
  }

  @Test
  void truncatedLog_isCaughtByEarlierCheckpoint() throws IOException {
    List<Path> segs = segments();
    // The attacker cuts the log back to 200 entries and deletes every newer checkpoint.
    for (Path s : segs) {
      long first = SegmentFormat.firstIndexOf(s.getFileName().toString()).orElseThrow();
      if (first > 150) {
        Files.delete(s);
      }
    }
    try (Stream<Path> s = Files.list(dir.resolve("checkpoints"))) {
      for (Path p : s.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir.resolve("checkpoint"));
    assertThat(verify().problem())
        .get()
        .asString()
        .contains("checkpoint given signs 300")
        .contains("missing");
  }

  @Test
  void truncatedMidRecord_isNamed() throws IOException {
    Path seg = segments().get(1);
    byte[] b = Files.readAllBytes(seg);
    Files.write(seg, java.util.Arrays.copyOf(b, b.length - 5));
    assertThat(verify().problem())
        .get()
        .asString()
        .contains(seg.getFileName().toString())
        .contains("truncated record");
  }

  @Test
  void deletedSegment_isNamed() throws IOException {
    Path seg = segments().get(1);
    Files.delete(seg);
    assertThat(verify().problem()).get().asString().contains("a segment is missing");
  }

  @Test
  void reorderedSegments_areNamed() throws IOException {
    Path a = segments().get(1);
    Path b = segments().get(2);
    byte[] ab = Files.readAllBytes(a);
    Files.write(a, Files.readAllBytes(b));
    Files.write(b, ab);
    assertThat(verify().problem())
        .get()
        .asString()
        .contains(a.getFileName().toString())
        .contains("reordered");
  }

  @Test
  void droppedEntry_isNamed() throws IOException {
    Path seg = segments().get(2);
    byte[] b = Files.readAllBytes(seg);
    List<Integer> f = frames(b);
    byte[] out = new byte[b.length - (f.get(4) - f.get(3))];
    System.arraycopy(b, 0, out, 0, f.get(3));
    System.arraycopy(b, f.get(4), out, f.get(3), b.length - f.get(4));
    Files.write(seg, out);
    assertThat(verify().problem())
        .get()
        .asString()
        .contains(seg.getFileName().toString())
        .contains("entries dropped or reordered");
  }

  @Test
  void resignedWithAnotherKey_isRejectedByTheRegulatorsKey() throws IOException {
    SigningKey forger = SigningKey.generate(new LogFiles(dir).readOrigin());
    Checkpoint forged =
        Checkpoint.sign(
            forger.name(), 350, Merkle.emptyRoot(), java.time.Instant.now(), List.of(forger));
    Files.writeString(dir.resolve("checkpoint"), forged.text());
    assertThat(verify().problem()).get().asString().contains("no valid signature by a trusted key");
  }

  @Test
  void checkpointOfAnotherLog_isRejected(@TempDir Path other) throws IOException {
    String foreign;
    try (AuditLog log = AuditLog.open(other, AuditOptions.defaults())) {
      log.append(AuditLogTest.event(1));
      foreign = log.checkpoint().text();
      VerifyReport r =
          new Verifier(new LogFiles(dir), List.of(publicKey, log.publicKey()), List.of(foreign))
              .run();
      assertThat(r.problem()).get().asString().contains("from another log");
    }
  }
}
