package dev.moat.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * An append-only, tamper-evident audit log in a directory (layout in {@link LogFiles}, record
 * format in {@code docs/audit.md}).
 *
 * <p><b>Concurrency.</b> Any thread may append; {@link #appendAsync} never blocks (a Netty event
 * loop can call it) and {@link #append} waits for its receipt. One writer thread drains the queue:
 * everything queued, up to {@code maxBatch}, becomes one batch, so batches grow with load (group
 * commit). A batch is written, forced to disk, added to the Merkle tree, and only then are its
 * appends acknowledged, in index order. {@link #checkpoint()} signs the largest acknowledged tree.
 *
 * <p><b>One writer.</b> {@code log.lock} is locked for the life of the object; a second writer, in
 * this or another process, gets an {@link AuditException} saying the log is in use.
 *
 * <p><b>Failure.</b> Fails closed: after any write or force error the log refuses all further
 * appends (a failed fsync cannot be retried safely); reopen it to recover. Recovery on open cuts
 * only a torn tail beyond the last signed checkpoint, keeps the cut bytes under {@code recovered/},
 * and records a {@code moat.audit.recovery} event; damage to signed records is never repaired and
 * the open fails.
 */
public final class AuditLog implements AutoCloseable {
  private final LogFiles files;
  private final AuditOptions options;
  private final String origin;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final TreeStore tree;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final Object checkpointLock = new Object();
  private final List<String> recoveryEvents = new ArrayList<>();

  private volatile SigningKey key;
  private volatile @Nullable SigningKey previousKey;
  private volatile @Nullable Throwable failure;
  private volatile boolean closing;
  private volatile Committed committed;
  private @Nullable Checkpoint lastCheckpoint;

  // Owned by the writer thread after open.
  private final CompactRange range;
  private FileLayer.StorageFile segment;
  private long segmentBytes;
  private long lastMicros;
  private @Nullable Thread writer;
  private final java.util.concurrent.atomic.LongAdder fsyncs =
      new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder fsyncNanos =
      new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAccumulator maxBatch =
      new java.util.concurrent.atomic.LongAccumulator(Math::max, 0);

  @SuppressWarnings("ArrayRecordComponent") // never compared; copied on entry
  private record Pending(byte[] json, CompletableFuture<Receipt> done) {}

  private record Committed(long size, CompactRange range) {}

  private AuditLog(LogFiles files, AuditOptions options, FileChannel lockChannel, FileLock lock)
      throws IOException {
    this.files = files;
    this.options = options;
    this.lockChannel = lockChannel;
    this.lock = lock;
    if (!files.exists()) {
      create();
    }
    this.origin = files.readOrigin();
    this.key = loadKey();
    this.tree = new TreeStore(files.dir(), options.files());
    Recovery.Result r =
        new Recovery(files, options.files(), tree, origin, keys(), options.clock()).run();
    this.range = r.range();
    this.segment = r.segment();
    this.segmentBytes = r.segmentBytes();
    this.lastMicros = r.lastMicros();
    this.lastCheckpoint = r.checkpoint().orElse(null);
    this.recoveryEvents.addAll(r.events());
    this.committed = new Committed(range.size(), range.copy());
  }

  /**
   * Opens the log in {@code dir}, creating it (and its signing key) when the directory holds none,
   * and recovering from a crash.
   *
   * @throws AuditException when another writer holds the log, the key does not belong to it, or
   *     signed records are damaged
   */
  public static AuditLog open(Path dir, AuditOptions options) throws IOException {
    Files.createDirectories(dir);
    LogFiles files = new LogFiles(dir);
    FileChannel ch =
        FileChannel.open(files.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      ch.close();
      throw new AuditException(
          "audit log " + dir + " is in use by another writer (lock held on " + files.lock() + ")");
    }
    AuditLog log;
    try {
      log = new AuditLog(files, options, ch, lock);
    } catch (IOException | RuntimeException e) {
      lock.release();
      ch.close();
      throw e;
    }
    try {
      log.start();
      if (log.latestCheckpoint().isEmpty() || !log.recoveryEvents.isEmpty()) {
        log.checkpoint();
      }
    } catch (IOException | RuntimeException e) {
      log.close();
      throw e;
    }
    return log;
  }

  private void create() throws IOException {
    Path keyFile = options.keyFile().orElse(files.defaultKey());
    SigningKey k;
    if (Files.exists(keyFile)) {
      k = SigningKey.read(keyFile);
      if (options.origin().isPresent() && !options.origin().get().equals(k.name())) {
        throw new AuditException(
            "key " + keyFile + " is named " + k.name() + ", not " + options.origin().get());
      }
    } else {
      byte[] id = new byte[6];
      new java.security.SecureRandom().nextBytes(id);
      k =
          SigningKey.generate(
              options.origin().orElse("moat.local/audit-" + HexFormat.of().formatHex(id)));
      k.write(keyFile);
    }
    Files.createDirectories(files.keys());
    Storage.writeAtomically(
        files.keys().resolve(k.verifier().keyIdHex() + ".pub"),
        (k.verifier().vkey() + "\n").getBytes(StandardCharsets.UTF_8));
    Files.createDirectories(files.segments());
    Files.createDirectories(files.checkpoints());
    Path seg = files.segments().resolve(SegmentFormat.name(0));
    try (FileLayer.StorageFile f = options.files().open(seg, true)) {
      f.truncate(0);
      f.write(SegmentFormat.header(0, micros(options.clock().instant())), 0);
      f.force();
    }
    Storage.fsyncDir(files.segments());
    // The origin file is written last: its presence means the log was created completely.
    Storage.writeAtomically(files.origin(), (k.name() + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private SigningKey loadKey() throws IOException {
    Path keyFile = options.keyFile().orElse(files.defaultKey());
    if (!Files.exists(keyFile)) {
      throw new AuditException("signing key not found: " + keyFile);
    }
    SigningKey k = SigningKey.read(keyFile);
    if (!keys().contains(k.verifier())) {
      throw new AuditException(
          "signing key "
              + keyFile
              + " ("
              + k.name()
              + "+"
              + k.verifier().keyIdHex()
              + ") is not one of this log's keys in "
              + files.keys());
    }
    return k;
  }

  /** Every public key of this log, current and rotated out. */
  public List<VerifierKey> keys() throws IOException {
    return files.readKeys();
  }

  /** The current public key. */
  public VerifierKey publicKey() {
    return key.verifier();
  }

  /** The checkpoint origin line. */
  public String origin() {
    return origin;
  }

  /** The log's directory. */
  public Path dir() {
    return files.dir();
  }

  /**
   * Group-commit counters since open: batches forced (one fsync each), total time spent in those
   * fsyncs, and the largest batch.
   */
  public record Stats(long fsyncs, long fsyncNanos, long maxBatch) {}

  /** The group-commit counters. */
  public Stats stats() {
    return new Stats(fsyncs.sum(), fsyncNanos.sum(), maxBatch.get());
  }

  /** Number of acknowledged records. */
  public long size() {
    return committed.size();
  }

  private void start() {
    Thread t = new Thread(this::writeLoop, "moat-audit-writer");
    t.setDaemon(true);
    writer = t;
    t.start();
    for (String event : recoveryEvents) {
      append(event);
    }
  }

  /**
   * Appends one event and waits until it is durable.
   *
   * @param json one JSON object
   * @return its receipt
   * @throws IllegalArgumentException when {@code json} is not one JSON object or is too large
   * @throws AuditException when the log has failed or is closed
   */
  public Receipt append(String json) {
    try {
      return appendAsync(json).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuditException("interrupted while waiting for the audit log", e);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  private static RuntimeException unwrap(@Nullable Throwable t) {
    Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    if (c == null) {
      return new AuditException("audit append failed");
    }
    if (c instanceof RuntimeException re) {
      return re;
    }
    return new AuditException("audit append failed: " + c, c);
  }

  /**
   * Checks that {@code json} is one JSON object of at most 1 MiB, as {@link #append} requires.
   *
   * @throws IllegalArgumentException saying what is wrong and where
   */
  public static void validate(byte[] json) {
    if (json.length > SegmentFormat.MAX_EVENT) {
      throw new IllegalArgumentException(
          "event of " + json.length + " bytes exceeds " + SegmentFormat.MAX_EVENT);
    }
    Json.checkObject(json);
  }

  /** {@link #appendAsync(byte[])} of the UTF-8 bytes of {@code json}. */
  public CompletableFuture<Receipt> appendAsync(String json) {
    return appendAsync(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Queues one event without blocking; the future completes once it is durable.
   *
   * @param json one JSON object, UTF-8
   * @throws IllegalArgumentException at once when {@code json} is not one JSON object or exceeds 1
   *     MiB
   */
  public CompletableFuture<Receipt> appendAsync(byte[] json) {
    if (json.length > SegmentFormat.MAX_EVENT) {
      throw new IllegalArgumentException(
          "event of " + json.length + " bytes exceeds " + SegmentFormat.MAX_EVENT);
    }
    Json.checkObject(json);
    Throwable f = failure;
    if (f != null) {
      return CompletableFuture.failedFuture(new AuditException("audit log has failed: " + f, f));
    }
    if (closing) {
      return CompletableFuture.failedFuture(new AuditException("audit log is closed"));
    }
    if (pending.incrementAndGet() > options.maxPending()) {
      pending.decrementAndGet();
      return CompletableFuture.failedFuture(
          new AuditException("audit log overloaded: " + options.maxPending() + " appends pending"));
    }
    CompletableFuture<Receipt> done = new CompletableFuture<>();
    queue.add(new Pending(json.clone(), done));
    return done;
  }

  /**
   * Validates every event, then queues all of them, or none: for batch imports that must not be
   * half-written. Validation runs in parallel.
   *
   * @throws InvalidEventException naming the position of the first invalid event; nothing is queued
   */
  public List<CompletableFuture<Receipt>> appendAllAsync(List<byte[]> events) {
    int n = events.size();
    java.util.OptionalInt bad =
        java.util.stream.IntStream.range(0, n)
            .parallel()
            .filter(
                i -> {
                  try {
                    validate(events.get(i));
                    return false;
                  } catch (IllegalArgumentException e) {
                    return true;
                  }
                })
            .min();
    if (bad.isPresent()) {
      int i = bad.getAsInt();
      try {
        validate(events.get(i));
      } catch (IllegalArgumentException e) {
        throw new InvalidEventException(i, e.getMessage());
      }
    }
    Throwable f = failure;
    if (f != null) {
      throw new AuditException("audit log has failed: " + f, f);
    }
    if (closing) {
      throw new AuditException("audit log is closed");
    }
    if (pending.addAndGet(n) > options.maxPending()) {
      pending.addAndGet(-n);
      throw new AuditException(
          "audit log overloaded: " + options.maxPending() + " appends pending");
    }
    List<CompletableFuture<Receipt>> out = new ArrayList<>(n);
    List<Pending> batch = new ArrayList<>(n);
    for (byte[] e : events) {
      CompletableFuture<Receipt> done = new CompletableFuture<>();
      out.add(done);
      batch.add(new Pending(e.clone(), done));
    }
    queue.addAll(batch);
    return out;
  }

  /** An event of a batch that is not one JSON object; {@link #position()} says which. */
  public static final class InvalidEventException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int position;

    InvalidEventException(int position, @Nullable String message) {
      super("event " + position + ": " + message);
      this.position = position;
    }

    /** The 0-based position of the first invalid event in the batch. */
    public int position() {
      return position;
    }

    /** The reason, without the position. */
    public String reason() {
      String m = String.valueOf(getMessage());
      return m.substring(m.indexOf(": ") + 2);
    }
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>();
    ByteBuffer out = ByteBuffer.allocate(1 << 20);
    MessageDigest md = Merkle.sha256();
    CRC32C crc = new CRC32C();
    byte[][] leaves = new byte[options.maxBatch()][];
    while (true) {
      Pending first;
      try {
        first = queue.poll(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(new AuditException("audit writer interrupted"), batch);
        return;
      }
      if (first == null) {
        if (closing && queue.isEmpty()) {
          return;
        }
        continue;
      }
      batch.clear();
      batch.add(first);
      queue.drainTo(batch, options.maxBatch() - 1);
      pending.addAndGet(-batch.size());
      try {
        out = commit(batch, out, md, crc, leaves);
      } catch (IOException | RuntimeException e) {
        fail(e, batch);
        return;
      }
    }
  }

  /**
   * Writes and forces one batch, then acknowledges it. A batch that would carry the active segment
   * past {@code segmentBytes} is split: the part that fills the segment is written and forced, the
   * segment is sealed, and the rest goes to the next one, so no segment grows past its limit by
   * more than one record however large the batches get.
   */
  @SuppressWarnings("ByteBufferBackingArray") // heap buffers from ByteBuffer.allocate
  private ByteBuffer commit(
      List<Pending> batch, ByteBuffer buffer, MessageDigest md, CRC32C crc, byte[][] leaves)
      throws IOException {
    long micros = Math.max(lastMicros, micros(options.clock().instant()));
    long index = range.size();
    ByteBuffer out = buffer;
    int from = 0;
    while (from < batch.size()) {
      if (segmentBytes >= options.segmentBytes()) {
        roll();
      }
      out.clear();
      int to = from;
      while (to < batch.size()
          && (to == from || segmentBytes + out.position() < options.segmentBytes())) {
        byte[] json = batch.get(to).json();
        int len = SegmentFormat.BODY_PREFIX + json.length;
        if (out.remaining() < len + SegmentFormat.FRAME_OVERHEAD) {
          ByteBuffer bigger =
              ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + len + 64));
          out.flip();
          bigger.put(out);
          out = bigger;
        }
        int start = out.position();
        out.putInt(len).putLong(index + to).putLong(micros).put(json);
        crc.reset();
        crc.update(out.array(), start, 4 + len);
        out.putInt((int) crc.getValue());
        leaves[to] = Merkle.leafHash(md, out.array(), start + 4, len);
        to++;
      }
      out.flip();
      int bytes = out.remaining();
      segment.write(out, segmentBytes);
      long t0 = System.nanoTime();
      segment.force();
      fsyncNanos.add(System.nanoTime() - t0);
      fsyncs.increment();
      segmentBytes += bytes;
      for (int i = from; i < to; i++) {
        range.append(leaves[i], tree::add);
      }
      from = to;
    }
    maxBatch.accumulate(batch.size());
    lastMicros = micros;
    tree.flush();
    committed = new Committed(range.size(), range.copy());
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).done().complete(new Receipt(index + i, micros));
    }
    return out;
  }

  /** Seals the active segment and starts the next; the tree files are forced first. */
  private void roll() throws IOException {
    tree.flush();
    tree.force();
    segment.close();
    long first = range.size();
    Path p = files.segments().resolve(SegmentFormat.name(first));
    FileLayer.StorageFile f = options.files().open(p, true);
    f.truncate(0);
    f.write(SegmentFormat.header(first, micros(options.clock().instant())), 0);
    f.force();
    Storage.fsyncDir(files.segments());
    segment = f;
    segmentBytes = SegmentFormat.HEADER_LEN;
  }

  private void fail(Throwable e, List<Pending> batch) {
    failure = e;
    AuditException ex = new AuditException("audit log write failed; log closed: " + e, e);
    for (Pending p : batch) {
      p.done().completeExceptionally(ex);
    }
    for (Pending p; (p = queue.poll()) != null; ) {
      p.done().completeExceptionally(ex);
    }
  }

  /**
   * Signs a checkpoint of every acknowledged record and stores it ({@code checkpoints/N.cp} and
   * {@code checkpoint}). The tree files are forced first, so the checkpoint never covers data that
   * could vanish.
   */
  public Checkpoint checkpoint() throws IOException {
    synchronized (checkpointLock) {
      Throwable f = failure;
      if (f != null) {
        throw new AuditException("audit log has failed: " + f, f);
      }
      Committed c = committed;
      tree.force();
      List<SigningKey> signers = new ArrayList<>();
      signers.add(key);
      SigningKey prev = previousKey;
      if (prev != null) {
        signers.add(prev);
      }
      Checkpoint cp =
          Checkpoint.sign(origin, c.size(), c.range().root(), options.clock().instant(), signers);
      byte[] text = cp.text().getBytes(StandardCharsets.UTF_8);
      Path kept = files.checkpoints().resolve(String.format("%020d.cp", c.size()));
      Files.createDirectories(files.checkpoints());
      if (!Files.exists(kept)) {
        Storage.writeAtomically(kept, text);
      }
      Storage.writeAtomically(files.latestCheckpoint(), text);
      lastCheckpoint = cp;
      previousKey = null;
      return cp;
    }
  }

  /** The latest signed checkpoint, if one was made. */
  public Optional<Checkpoint> latestCheckpoint() {
    synchronized (checkpointLock) {
      return Optional.ofNullable(lastCheckpoint);
    }
  }

  /**
   * Replaces the signing key with a fresh one. The old public key stays in {@code keys/} so old
   * checkpoints still verify; the next checkpoint is signed by both keys, which links them.
   *
   * @return the new public key
   */
  public VerifierKey rotateKey() throws IOException {
    synchronized (checkpointLock) {
      SigningKey next = SigningKey.generate(origin);
      Storage.writeAtomically(
          files.keys().resolve(next.verifier().keyIdHex() + ".pub"),
          (next.verifier().vkey() + "\n").getBytes(StandardCharsets.UTF_8));
      Path keyFile = options.keyFile().orElse(files.defaultKey());
      Storage.replaceSecret(keyFile, (next.text() + "\n").getBytes(StandardCharsets.UTF_8));
      previousKey = key;
      key = next;
    }
    checkpoint();
    return key.verifier();
  }

  /**
   * Signs a checkpoint, then archives every sealed segment it covers whose records are all older
   * than their retention; see {@link Archiver}.
   *
   * @return the names of the segments archived
   */
  public List<String> archive(Retention retention, boolean gzip) throws IOException {
    Checkpoint cp = checkpoint();
    synchronized (checkpointLock) {
      return Archiver.run(files, cp.size(), retention, gzip, options.clock().instant());
    }
  }

  /** Verifies the whole log against its own keys; see {@link Verifier}. */
  public VerifyReport verify() throws IOException {
    return new Verifier(files, keys(), List.of()).run();
  }

  /** Reads the log's perfect-subtree hashes (for proofs up to {@link #size()}). */
  NodeReader nodes() {
    return tree;
  }

  /**
   * Stops accepting appends, writes everything queued, signs a final checkpoint when records were
   * added since the last one, and releases the lock.
   */
  @Override
  public void close() throws IOException {
    closing = true;
    Thread t = writer;
    if (t != null) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      Checkpoint last = lastCheckpoint;
      if (failure == null && (last == null || last.size() < committed.size())) {
        checkpoint();
      }
    } finally {
      try {
        segment.close();
        tree.close();
      } finally {
        lock.release();
        lockChannel.close();
      }
    }
  }

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }
}
