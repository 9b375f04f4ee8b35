package dev.moat.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a log offline from its files and a set of trusted public keys: every checkpoint's
 * signature, every record's frame, CRC and index, the Merkle root at every checkpoint size
 * (recomputed from the records, never from the derived tree files), and that no checkpoint signs
 * more records than the log holds. An external checkpoint (a regulator's copy) is checked the same
 * way, which proves the log still holds exactly the history it attests.
 *
 * <p>Reads only; needs no lock and may run while a writer appends. Stops at the first integrity
 * failure and names the segment and entry.
 */
public final class Verifier {
  private final LogFiles files;
  private final List<VerifierKey> keys;
  private final List<String> external;

  /**
   * A verifier of the log in {@code files} trusting {@code keys}, also checking the {@code
   * external} checkpoint texts.
   */
  public Verifier(LogFiles files, List<VerifierKey> keys, List<String> external) {
    this.files = files;
    this.keys = List.copyOf(keys);
    this.external = List.copyOf(external);
  }

  private static final class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failed(String message) {
      super(message, null, false, false);
    }
  }

  /** Runs the checks. */
  public VerifyReport run() throws IOException {
    List<String> notes = new ArrayList<>();
    State st = new State();
    try {
      String origin = files.readOrigin();
      if (keys.isEmpty()) {
        throw new Failed("no trusted public keys");
      }
      loadCheckpoints(origin, st);
      readSegments(st, notes);
      long n = st.range.size();
      for (Map.Entry<Long, Signed> e : st.checkpoints.entrySet()) {
        if (e.getKey() > n) {
          throw new Failed(
              "log holds "
                  + n
                  + " entries but checkpoint "
                  + e.getValue().source
                  + " signs "
                  + e.getKey()
                  + ": entries from "
                  + n
                  + " on are missing (log truncated or segment deleted)");
        }
      }
      long signed = st.checkpoints.isEmpty() ? 0 : st.checkpoints.lastKey();
      if (n > signed) {
        notes.add((n - signed) + " entries after the latest checkpoint are not yet signed");
      }
      return new VerifyReport(
          n, st.segments, st.checkpoints.size(), signed, Optional.empty(), notes);
    } catch (Failed | AuditException e) {
      return new VerifyReport(
          st.range.size(),
          st.segments,
          st.matched,
          st.matchedSize,
          Optional.of(String.valueOf(e.getMessage())),
          notes);
    }
  }

  private record Signed(Checkpoint checkpoint, String source) {}

  private static final class State {
    final TreeMap<Long, Signed> checkpoints = new TreeMap<>();
    final CompactRange range = new CompactRange();
    int segments;
    int matched;
    long matchedSize;
    long lastCheckedSize;
    long firstLeafMismatch = -1;
  }

  private void loadCheckpoints(String origin, State st) throws IOException {
    List<Signed> all = new ArrayList<>();
    for (Path p : files.checkpointFiles()) {
      all.add(
          parse(
              Files.readString(p, StandardCharsets.UTF_8),
              "checkpoints/" + p.getFileName(),
              origin));
    }
    Optional<String> latest = files.readLatestCheckpoint();
    if (latest.isPresent()) {
      all.add(parse(latest.get(), "checkpoint", origin));
    }
    for (int i = 0; i < external.size(); i++) {
      all.add(parse(external.get(i), external.size() == 1 ? "given" : "given #" + (i + 1), origin));
    }
    for (Signed s : all) {
      Signed seen = st.checkpoints.putIfAbsent(s.checkpoint.size(), s);
      if (seen != null && !MessageDigest.isEqual(seen.checkpoint.root(), s.checkpoint.root())) {
        throw new Failed(
            "checkpoints "
                + seen.source
                + " and "
                + s.source
                + " sign different roots for size "
                + s.checkpoint.size());
      }
      if (seen != null && s.source.startsWith("given")) {
        st.checkpoints.put(s.checkpoint.size(), s);
      }
    }
  }

  private Signed parse(String text, String source, String origin) {
    Checkpoint cp;
    try {
      cp = Checkpoint.verify(text, keys);
    } catch (Checkpoint.CheckpointException e) {
      throw new Failed("checkpoint " + source + ": " + e.getMessage());
    }
    if (!cp.origin().equals(origin)) {
      throw new Failed(
          "checkpoint "
              + source
              + " is from another log (origin "
              + cp.origin()
              + ", this log is "
              + origin
              + ")");
    }
    return new Signed(cp, source);
  }

  private void readSegments(State st, List<String> notes) throws IOException {
    List<LogFiles.Segment> segs = files.listSegments();
    if (segs.isEmpty()) {
      throw new Failed("no segment files in " + files.segments());
    }
    MessageDigest md = Merkle.sha256();
    long maxSigned = st.checkpoints.isEmpty() ? 0 : st.checkpoints.lastKey();
    checkRoot(st, "(none)");
    try (LeafFile stored =
        new LeafFile(files.dir().resolve(TreeStore.DIR).resolve("level-00.hash"))) {
      for (int i = 0; i < segs.size(); i++) {
        LogFiles.Segment s = segs.get(i);
        boolean last = i == segs.size() - 1;
        long expected = st.range.size();
        if (s.firstIndex() != expected) {
          throw new Failed(
              "segment "
                  + s.name()
                  + " starts at entry "
                  + s.firstIndex()
                  + " but entry "
                  + expected
                  + " is next"
                  + (s.firstIndex() > expected
                      ? " (a segment is missing)"
                      : " (duplicate or reordered segment)"));
        }
        st.segments++;
        SegmentReader.End end;
        try (ReadableByteChannel ch = s.open()) {
          SegmentReader reader = new SegmentReader(ch, s.name());
          long declared = reader.header();
          if (declared != s.firstIndex()) {
            throw new Failed(
                "segment "
                    + s.name()
                    + " has the header of a segment starting at "
                    + declared
                    + " (renamed or reordered)");
          }
          end =
              reader.records(
                  (index, micros, body, off, len, at) -> {
                    long want = st.range.size();
                    if (index != want) {
                      throw new Failed(
                          "segment "
                              + s.name()
                              + " offset "
                              + at
                              + ": entry "
                              + index
                              + " where entry "
                              + want
                              + " belongs (entries dropped or reordered)");
                    }
                    byte[] leaf = Merkle.leafHash(md, body, off, len);
                    if (st.firstLeafMismatch < 0 && !stored.matches(want, leaf)) {
                      st.firstLeafMismatch = want;
                    }
                    st.range.append(leaf);
                    checkRoot(st, s.name());
                  });
        }
        if (end.problem() != null) {
          String where =
              "segment "
                  + s.name()
                  + " offset "
                  + end.goodEnd()
                  + " (entry "
                  + st.range.size()
                  + "): "
                  + end.problem();
          if (!last || st.range.size() < maxSigned) {
            throw new Failed(where);
          }
          notes.add(
              "unacknowledged torn tail in " + where + "; it is cut when the log is next opened");
        }
      }
    }
  }

  private void checkRoot(State st, String segment) {
    long n = st.range.size();
    Signed s = st.checkpoints.get(n);
    if (s == null) {
      return;
    }
    if (!MessageDigest.isEqual(st.range.root(), s.checkpoint.root())) {
      String first =
          st.firstLeafMismatch >= 0
              ? "entry " + st.firstLeafMismatch + " differs from its recorded leaf hash"
              : "an entry in [" + st.lastCheckedSize + ", " + n + ") was altered";
      throw new Failed(
          "root of the first "
              + n
              + " entries does not match checkpoint "
              + s.source
              + " (segment "
              + segment
              + "; "
              + first
              + ")");
    }
    st.matched++;
    st.matchedSize = n;
    st.lastCheckedSize = n;
  }

  /** Sequential reader of the stored leaf hashes, used only to name the first altered entry. */
  private static final class LeafFile implements AutoCloseable {
    private final @Nullable FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    private long bufStart;

    LeafFile(Path p) throws IOException {
      this.ch = Files.exists(p) ? FileChannel.open(p, StandardOpenOption.READ) : null;
      buf.limit(0);
    }

    boolean matches(long index, byte[] leaf) throws IOException {
      FileChannel c = ch;
      if (c == null) {
        return true;
      }
      long pos = index * Merkle.HASH_LEN;
      if (pos < bufStart || pos + Merkle.HASH_LEN > bufStart + buf.limit()) {
        buf.clear();
        bufStart = pos;
        while (buf.hasRemaining() && c.read(buf, bufStart + buf.position()) > 0) {
          // fill
        }
        buf.flip();
        if (buf.limit() < Merkle.HASH_LEN) {
          return true;
        }
      }
      int at = (int) (pos - bufStart);
      return Arrays.equals(buf.array(), at, at + Merkle.HASH_LEN, leaf, 0, Merkle.HASH_LEN);
    }

    @Override
    public void close() throws IOException {
      if (ch != null) {
        ch.close();
      }
    }
  }
}
