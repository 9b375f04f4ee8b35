package dev.moat.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The layout of a log directory, shared by the writer and every reader.
 *
 * <pre>
 * DIR/origin                   the origin line (written last when a log is created)
 * DIR/log.lock                 held by the one writer
 * DIR/keys/signing.key         Ed25519 private key, mode 0600 (unless --key FILE)
 * DIR/keys/&lt;keyid&gt;.pub          every public key the log has used (vkey form)
 * DIR/segments/seg-N.log       records; N = first index, 20 digits
 * DIR/archive/seg-N.log[.gz]   segments moved out by retention
 * DIR/tree/level-NN.hash       perfect-subtree hashes (derived)
 * DIR/checkpoints/N.cp         every signed checkpoint, N = tree size
 * DIR/checkpoint               the latest signed checkpoint
 * DIR/recovered/               bytes cut from a torn tail, kept for forensics
 * DIR/sinks/NAME.cursor        next index to forward, per sink
 * </pre>
 */
public final class LogFiles {
  private final Path dir;

  /** The layout of the log in {@code dir}. */
  public LogFiles(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  Path origin() {
    return dir.resolve("origin");
  }

  Path lock() {
    return dir.resolve("log.lock");
  }

  Path keys() {
    return dir.resolve("keys");
  }

  Path defaultKey() {
    return keys().resolve("signing.key");
  }

  Path segments() {
    return dir.resolve("segments");
  }

  Path archive() {
    return dir.resolve("archive");
  }

  Path checkpoints() {
    return dir.resolve("checkpoints");
  }

  Path latestCheckpoint() {
    return dir.resolve("checkpoint");
  }

  Path recovered() {
    return dir.resolve("recovered");
  }

  Path sinks() {
    return dir.resolve("sinks");
  }

  /** True when {@code dir} holds a created log. */
  public boolean exists() {
    return Files.isRegularFile(origin());
  }

  /** The origin line. */
  public String readOrigin() throws IOException {
    try {
      return Files.readString(origin(), StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      throw new AuditException("no audit log in " + dir + " (missing " + origin() + ")");
    }
  }

  /** Every public key in {@code keys/}. */
  public List<VerifierKey> readKeys() throws IOException {
    List<VerifierKey> out = new ArrayList<>();
    if (!Files.isDirectory(keys())) {
      return out;
    }
    try (Stream<Path> s = Files.list(keys())) {
      for (Path p : s.filter(p -> p.toString().endsWith(".pub")).sorted().toList()) {
        out.add(VerifierKey.parse(Files.readString(p, StandardCharsets.UTF_8)));
      }
    }
    return out;
  }

  /** The latest signed checkpoint's text, if any. */
  public Optional<String> readLatestCheckpoint() throws IOException {
    Path p = latestCheckpoint();
    return Files.exists(p)
        ? Optional.of(Files.readString(p, StandardCharsets.UTF_8))
        : Optional.empty();
  }

  /** Every kept checkpoint file, by size. */
  List<Path> checkpointFiles() throws IOException {
    if (!Files.isDirectory(checkpoints())) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(checkpoints())) {
      return s.filter(p -> p.getFileName().toString().endsWith(".cp")).sorted().toList();
    }
  }

  /** A segment file found on disk. */
  public record Segment(long firstIndex, Path path, boolean archived) {
    public String name() {
      return path.getFileName().toString();
    }

    ReadableByteChannel open() throws IOException {
      if (name().endsWith(".gz")) {
        InputStream in = new GZIPInputStream(Files.newInputStream(path), 1 << 16);
        return Channels.newChannel(in);
      }
      return FileChannel.open(path, StandardOpenOption.READ);
    }
  }

  /** Active and archived segments, ordered by the first index in their names. */
  public List<Segment> listSegments() throws IOException {
    List<Segment> out = new ArrayList<>();
    list(segments(), false, out);
    list(archive(), true, out);
    out.sort(Comparator.comparingLong(Segment::firstIndex).thenComparing(Segment::archived));
    return out;
  }

  /** The live segments only (not archived). */
  List<Segment> liveSegments() throws IOException {
    List<Segment> out = new ArrayList<>();
    list(segments(), false, out);
    out.sort(Comparator.comparingLong(Segment::firstIndex));
    return out;
  }

  private static void list(Path d, boolean archived, List<Segment> out) throws IOException {
    if (!Files.isDirectory(d)) {
      return;
    }
    try (Stream<Path> s = Files.list(d)) {
      s.forEach(
          p ->
              SegmentFormat.firstIndexOf(p.getFileName().toString())
                  .ifPresent(first -> out.add(new Segment(first, p, archived))));
    }
  }
}
