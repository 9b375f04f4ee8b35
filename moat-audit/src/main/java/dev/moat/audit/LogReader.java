package dev.moat.audit;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Read-side access to a log directory: entries, the latest checkpoint, and proofs. Needs no lock
 * and changes no file, so it runs beside a writer or on a read-only copy.
 *
 * <p>Proofs are read from the derived tree files, then checked against the signed checkpoint (and
 * the entry's own bytes) before they are returned: a damaged tree file yields an error, never a
 * wrong proof.
 */
public final class LogReader implements AutoCloseable {
  private final LogFiles files;
  private final List<VerifierKey> keys;
  private @org.jspecify.annotations.Nullable TreeStore tree;

  /** A reader of the log in {@code dir} trusting the log's own {@code keys/}. */
  public static LogReader open(Path dir) throws IOException {
    LogFiles f = new LogFiles(dir);
    f.readOrigin();
    return new LogReader(f, f.readKeys());
  }

  /** A reader trusting only {@code keys}. */
  public static LogReader open(Path dir, List<VerifierKey> keys) throws IOException {
    LogFiles f = new LogFiles(dir);
    f.readOrigin();
    return new LogReader(f, keys);
  }

  private LogReader(LogFiles files, List<VerifierKey> keys) {
    this.files = files;
    this.keys = List.copyOf(keys);
  }

  /** The tree files, opened once per reader. */
  private synchronized TreeStore tree() {
    TreeStore t = tree;
    if (t == null) {
      t = TreeStore.readOnly(files.dir());
      tree = t;
    }
    return t;
  }

  /** Closes the tree files if they were opened. */
  @Override
  public synchronized void close() throws IOException {
    TreeStore t = tree;
    tree = null;
    if (t != null) {
      t.close();
    }
  }

  /** The stored perfect-subtree hashes, for callers that build proofs themselves. */
  public NodeReader nodes() {
    return tree();
  }

  /** The log's files. */
  public LogFiles files() {
    return files;
  }

  /** The latest checkpoint, signature checked. */
  public Checkpoint checkpoint() throws IOException {
    String text =
        files
            .readLatestCheckpoint()
            .orElseThrow(() -> new AuditException("log " + files.dir() + " has no checkpoint yet"));
    try {
      return Checkpoint.verify(text, keys);
    } catch (Checkpoint.CheckpointException e) {
      throw new AuditException("latest checkpoint: " + e.getMessage());
    }
  }

  /** Streams entries with index ≥ {@code from} until {@code visitor} returns false. */
  public void scan(long from, Predicate<Entry> visitor) throws IOException {
    List<LogFiles.Segment> segs = files.listSegments();
    for (int i = 0; i < segs.size(); i++) {
      LogFiles.Segment s = segs.get(i);
      if (i + 1 < segs.size() && segs.get(i + 1).firstIndex() <= from) {
        continue;
      }
      boolean[] more = {true};
      try (ReadableByteChannel ch = s.open()) {
        SegmentReader r = new SegmentReader(ch, s.name());
        r.header();
        r.records(
            (index, micros, body, off, len, at) -> {
              if (more[0] && index >= from) {
                more[0] = visitor.test(Entry.of(index, micros, body, off, len, s.name()));
              }
            });
      }
      if (!more[0]) {
        return;
      }
    }
  }

  /** The entry at {@code index}. */
  public Optional<Entry> entry(long index) throws IOException {
    List<Entry> out = new ArrayList<>();
    scan(
        index,
        e -> {
          if (e.index() == index) {
            out.add(e);
          }
          return false;
        });
    return out.stream().findFirst();
  }

  /** The leaf hash of {@code e}: SHA-256(0x00 || index || time || json). */
  static byte[] leafHash(Entry e) {
    byte[] json = e.json().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(SegmentFormat.BODY_PREFIX + json.length);
    b.putLong(e.index()).putLong(e.micros()).put(json);
    return Merkle.leafHash(b.array());
  }

  /**
   * An inclusion proof of entry {@code index} against the latest checkpoint, checked before it is
   * returned.
   */
  public Proven prove(long index) throws IOException {
    Checkpoint cp = checkpoint();
    if (index < 0 || index >= cp.size()) {
      throw new AuditException(
          "entry " + index + " is not covered by the latest checkpoint (size " + cp.size() + ")");
    }
    Entry e = entry(index).orElseThrow(() -> new AuditException("entry " + index + " not found"));
    byte[] leaf = leafHash(e);
    InclusionProof p = Proofs.inclusion(tree(), index, cp.size());
    try {
      p.verify(leaf, cp.root());
    } catch (Proofs.ProofException ex) {
      throw new AuditException(
          "tree files do not match the signed checkpoint ("
              + ex.getMessage()
              + "); run moat audit verify");
    }
    return new Proven(e, leaf, p, cp);
  }

  /**
   * The inclusion proof of {@code index} in the tree of {@code size} leaves, read from the tree
   * files in O(log n) node reads and not yet checked: verify it against a signed root.
   */
  public InclusionProof inclusionProof(long index, long size) throws IOException {
    return Proofs.inclusion(tree(), index, size);
  }

  /** A consistency proof from tree size {@code size1} to the latest checkpoint. */
  public ConsistencyProof consistency(long size1) throws IOException {
    Checkpoint cp = checkpoint();
    if (size1 < 0 || size1 > cp.size()) {
      throw new AuditException(
          "size " + size1 + " is beyond the latest checkpoint (" + cp.size() + ")");
    }
    TreeStore tree = tree();
    ConsistencyProof p = Proofs.consistency(tree, size1, cp.size());
    byte[] root1 = size1 == 0 ? Merkle.emptyRoot() : Proofs.rangeHash(tree, 0, size1);
    byte[] root2 = Proofs.rangeHash(tree, 0, cp.size());
    if (!java.security.MessageDigest.isEqual(root2, cp.root())) {
      throw new AuditException(
          "tree files do not match the signed checkpoint; run moat audit verify");
    }
    p.verify(root1, cp.root());
    return p;
  }

  /** An entry with its leaf hash, its inclusion proof and the checkpoint it leads to. */
  @SuppressWarnings("ArrayRecordComponent")
  public record Proven(Entry entry, byte[] leafHash, InclusionProof proof, Checkpoint checkpoint) {}
}
