package dev.moat.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * How a log is opened. Immutable; start from {@link #defaults()} and use the {@code with…} methods.
 *
 * @param origin the checkpoint origin line (and key name) of a new log; a random one if empty
 * @param keyFile where the signing key lives; {@code keys/signing.key} in the log if empty
 * @param segmentBytes a segment is sealed and a new one begun once it reaches this; a batch that
 *     would carry it further is split across the two
 * @param maxBatch most records written and forced together (batches are what is queued, up to this)
 * @param maxPending most appends waiting for the writer; beyond it appends fail fast
 * @param clock time source for record times and checkpoints
 * @param files the file layer segments and tree files are written through
 */
public record AuditOptions(
    Optional<String> origin,
    Optional<Path> keyFile,
    long segmentBytes,
    int maxBatch,
    int maxPending,
    Clock clock,
    FileLayer files) {

  /** Validates. */
  public AuditOptions {
    origin.ifPresent(VerifierKey::checkName);
    if (segmentBytes < 4096) {
      throw new IllegalArgumentException("segmentBytes must be >= 4096: " + segmentBytes);
    }
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be >= 1: " + maxBatch);
    }
    if (maxPending < maxBatch) {
      throw new IllegalArgumentException("maxPending must be >= maxBatch: " + maxPending);
    }
  }

  /** 64 MiB segments, batches up to 16384 records, 1M pending, system clock, real disk. */
  public static AuditOptions defaults() {
    return new AuditOptions(
        Optional.empty(),
        Optional.empty(),
        64L << 20,
        16_384,
        1 << 20,
        Clock.systemUTC(),
        FileLayer.disk());
  }

  /** With the origin of a new log. */
  public AuditOptions withOrigin(String o) {
    return new AuditOptions(
        Optional.of(o), keyFile, segmentBytes, maxBatch, maxPending, clock, files);
  }

  /** With the signing key at {@code f}. */
  public AuditOptions withKeyFile(Path f) {
    return new AuditOptions(
        origin, Optional.of(f), segmentBytes, maxBatch, maxPending, clock, files);
  }

  /** With another segment size. */
  public AuditOptions withSegmentBytes(long n) {
    return new AuditOptions(origin, keyFile, n, maxBatch, maxPending, clock, files);
  }

  /** With another batch limit. */
  public AuditOptions withMaxBatch(int n) {
    return new AuditOptions(
        origin, keyFile, segmentBytes, n, Math.max(n, maxPending), clock, files);
  }

  /** With another clock. */
  public AuditOptions withClock(Clock c) {
    return new AuditOptions(origin, keyFile, segmentBytes, maxBatch, maxPending, c, files);
  }

  /** With another file layer (tests simulate power loss through one). */
  public AuditOptions withFiles(FileLayer f) {
    return new AuditOptions(origin, keyFile, segmentBytes, maxBatch, maxPending, clock, f);
  }
}
