package dev.moat.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Brings a log back to a consistent state when it is opened for writing.
 *
 * <ol>
 *   <li>The latest signed checkpoint is read and its signature checked against the log's keys.
 *   <li>The tree files are cut back to the first index of the active (last) segment, or rebuilt
 *       from every segment if they are shorter (they are forced whenever a segment is sealed).
 *   <li>An active segment shorter than its header was being created when the machine stopped (a
 *       header is forced before any record goes in): its bytes are kept in {@code recovered/}, its
 *       header is written anew and a recovery event is queued.
 *   <li>The active segment is scanned. At the first record that is truncated, fails its CRC or has
 *       the wrong index, everything after is a torn tail <em>only if</em> it lies beyond the signed
 *       tree size: then the bytes are copied to {@code recovered/}, the segment is cut, and a
 *       recovery event is queued. Otherwise signed data is damaged and opening fails.
 *   <li>The root of the rebuilt tree at the signed size must equal the signed root.
 * </ol>
 */
final class Recovery {
  private final LogFiles files;
  private final FileLayer layer;
  private final TreeStore tree;
  private final String origin;
  private final List<VerifierKey> keys;
  private final Clock clock;

  Recovery(
      LogFiles files,
      FileLayer layer,
      TreeStore tree,
      String origin,
      List<VerifierKey> keys,
      Clock clock) {
    this.files = files;
    this.clock = clock;
    this.layer = layer;
    this.tree = tree;
    this.origin = origin;
    this.keys = keys;
  }

  record Result(
      CompactRange range,
      FileLayer.StorageFile segment,
      long segmentBytes,
      long lastMicros,
      Optional<Checkpoint> checkpoint,
      List<String> events) {}

  Result run() throws IOException {
    Optional<Checkpoint> cp = Optional.empty();
    Optional<String> text = files.readLatestCheckpoint();
    if (text.isPresent()) {
      try {
        cp = Optional.of(Checkpoint.verify(text.get(), keys));
      } catch (Checkpoint.CheckpointException e) {
        throw new AuditException(
            "latest checkpoint " + files.latestCheckpoint() + ": " + e.getMessage());
      }
      if (!cp.get().origin().equals(origin)) {
        throw new AuditException(
            "latest checkpoint is for origin " + cp.get().origin() + ", not " + origin);
      }
    }
    long signed = cp.map(Checkpoint::size).orElse(0L);
    List<LogFiles.Segment> live = files.liveSegments();
    if (live.isEmpty()) {
      throw new AuditException("no segment files in " + files.segments());
    }
    LogFiles.Segment active = live.get(live.size() - 1);
    long first = active.firstIndex();
    if (tree.leaves() < first) {
      rebuild(first);
    }
    tree.truncateTo(first);
    CompactRange range = tree.compactRange(first);
    FileLayer.StorageFile seg = layer.open(active.path(), false);
    List<String> events = new ArrayList<>();
    if (seg.size() < SegmentFormat.HEADER_LEN) {
      // a segment's header is forced before any record goes in: a shorter file was being created
      // when the machine stopped and holds no event; its bytes are kept, the header written anew
      events.add(
          cutTail(seg, active, new SegmentReader.End(0, "segment header incomplete"), seg.size()));
      seg.write(SegmentFormat.header(first, AuditLog.micros(clock.instant())), 0);
      seg.force();
    }
    long[] lastMicros = {0};
    MessageDigest md = Merkle.sha256();
    SegmentReader reader = new SegmentReader(channel(seg), active.name());
    long declared = reader.header();
    if (declared != first) {
      seg.close();
      throw new AuditException(active.name() + ": header says first index " + declared);
    }
    SegmentReader.End end;
    try {
      end =
          reader.records(
              (index, micros, body, off, len, at) -> {
                if (index != range.size()) {
                  throw new WrongIndex(
                      at, "index " + index + " where " + range.size() + " belongs");
                }
                range.append(Merkle.leafHash(md, body, off, len), tree::add);
                lastMicros[0] = micros;
              });
    } catch (WrongIndex w) {
      end = new SegmentReader.End(w.offset, w.getMessage());
    }
    long fileSize = seg.size();
    if (end.problem() != null || end.goodEnd() < fileSize) {
      if (range.size() < signed) {
        seg.close();
        throw new AuditException(
            active.name()
                + ": entry "
                + range.size()
                + " is damaged ("
                + end.problem()
                + ") but signed checkpoint covers "
                + signed
                + " entries; not repairing, run moat audit verify");
      }
      events.add(cutTail(seg, active, end, fileSize));
    }
    tree.flush();
    if (range.size() < signed) {
      seg.close();
      throw new AuditException(
          "log holds " + range.size() + " entries but its signed checkpoint covers " + signed);
    }
    if (cp.isPresent() && signed > 0) {
      byte[] root = Proofs.rangeHash(tree, 0, signed);
      if (!MessageDigest.isEqual(root, cp.get().root())) {
        seg.close();
        throw new AuditException(
            "log does not match its signed checkpoint at size "
                + signed
                + "; run moat audit verify");
      }
    }
    return new Result(range, seg, end.goodEnd(), lastMicros[0], cp, events);
  }

  private String cutTail(
      FileLayer.StorageFile seg, LogFiles.Segment active, SegmentReader.End end, long fileSize)
      throws IOException {
    long cut = fileSize - end.goodEnd();
    ByteBuffer tail = ByteBuffer.allocate((int) Math.min(cut, Integer.MAX_VALUE - 16));
    while (tail.hasRemaining() && seg.read(tail, end.goodEnd() + tail.position()) >= 0) {
      // read all
    }
    byte[] bytes = java.util.Arrays.copyOf(tail.array(), tail.position());
    String hash = HexFormat.of().formatHex(Merkle.sha256().digest(bytes));
    Files.createDirectories(files.recovered());
    Path kept = files.recovered().resolve(active.name() + "." + end.goodEnd() + ".tail");
    Storage.writeAtomically(kept, bytes);
    seg.truncate(end.goodEnd());
    seg.force();
    String reason = end.problem() == null ? "trailing bytes" : end.problem();
    return "{\"type\":\""
        + "moat.audit.recovery"
        + "\",\"segment\":\""
        + active.name()
        + "\",\"offset\":"
        + end.goodEnd()
        + ",\"droppedBytes\":"
        + cut
        + ",\"droppedSha256\":\""
        + hash
        + "\",\"reason\":\""
        + reason.replace("\"", "'")
        + "\",\"keptAt\":\"recovered/"
        + kept.getFileName()
        + "\"}";
  }

  /** Recomputes the tree files for the first {@code upTo} leaves from the segments. */
  private void rebuild(long upTo) throws IOException {
    tree.truncateTo(0);
    CompactRange r = new CompactRange();
    MessageDigest md = Merkle.sha256();
    for (LogFiles.Segment s : files.listSegments()) {
      if (s.firstIndex() >= upTo) {
        break;
      }
      try (ReadableByteChannel ch = s.open()) {
        SegmentReader reader = new SegmentReader(ch, s.name());
        reader.header();
        SegmentReader.End end =
            reader.records(
                (index, micros, body, off, len, at) -> {
                  if (index != r.size()) {
                    throw new AuditException(
                        s.name() + ": index " + index + " where " + r.size() + " belongs");
                  }
                  r.append(Merkle.leafHash(md, body, off, len), tree::add);
                });
        if (end.problem() != null) {
          throw new AuditException(
              s.name()
                  + ": sealed segment damaged at offset "
                  + end.goodEnd()
                  + ": "
                  + end.problem());
        }
      }
    }
    if (r.size() != upTo) {
      throw new AuditException("sealed segments hold " + r.size() + " entries, expected " + upTo);
    }
    tree.flush();
    tree.force();
  }

  static ReadableByteChannel channel(FileLayer.StorageFile f) {
    return new ReadableByteChannel() {
      private long pos;
      private boolean open = true;

      @Override
      public int read(ByteBuffer dst) throws IOException {
        int n = f.read(dst, pos);
        if (n > 0) {
          pos += n;
        }
        return n;
      }

      @Override
      public boolean isOpen() {
        return open;
      }

      @Override
      public void close() {
        open = false;
      }
    };
  }

  private static final class WrongIndex extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final long offset;

    WrongIndex(long offset, String message) {
      super(message);
      this.offset = offset;
    }
  }
}
