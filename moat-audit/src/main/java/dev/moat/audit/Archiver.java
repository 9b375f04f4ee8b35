package dev.moat.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Moves sealed segments whose every record is older than its retention into {@code archive/}
 * (optionally gzip-compressed). A segment is only archived once the latest signed checkpoint covers
 * all of it, and the tree files keep its leaf hashes, so proofs still work and {@link Verifier}
 * reads the archived file (plain or .gz) as if it were live: the log stays verifiable.
 *
 * <p>Crash-safe: the archive copy is forced and renamed into place before the live file is removed;
 * a crash in between leaves both, and {@link LogFiles#listSegments()} prefers the live one.
 */
final class Archiver {
  private static final JsonFactory JSON = new JsonFactory();

  private Archiver() {}

  static List<String> run(
      LogFiles files, long signedSize, Retention retention, boolean gzip, Instant now)
      throws IOException {
    List<LogFiles.Segment> live = files.liveSegments();
    List<String> archived = new ArrayList<>();
    for (int i = 0; i + 1 < live.size(); i++) {
      LogFiles.Segment s = live.get(i);
      long end = live.get(i + 1).firstIndex();
      if (end > signedSize || !expired(s, retention, now)) {
        continue;
      }
      Files.createDirectories(files.archive());
      Path target = files.archive().resolve(s.name() + (gzip ? ".gz" : ""));
      Path tmp = files.archive().resolve(target.getFileName() + ".tmp");
      if (gzip) {
        try (OutputStream out = Files.newOutputStream(tmp);
            GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
          Files.copy(s.path(), gz);
        }
      } else {
        Files.copy(s.path(), tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Storage.fsyncDir(files.archive());
      Files.delete(s.path());
      Storage.fsyncDir(files.segments());
      archived.add(s.name());
    }
    return archived;
  }

  /** True when every record of {@code s} is older than the retention of its type. */
  private static boolean expired(LogFiles.Segment s, Retention retention, Instant now)
      throws IOException {
    boolean[] all = {true};
    try (ReadableByteChannel ch = s.open()) {
      SegmentReader r = new SegmentReader(ch, s.name());
      r.header();
      SegmentReader.End end =
          r.records(
              (index, micros, body, off, len, at) -> {
                if (!all[0]) {
                  return;
                }
                String type =
                    type(body, off + SegmentFormat.BODY_PREFIX, len - SegmentFormat.BODY_PREFIX);
                Instant t = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L));
                if (t.plus(retention.ageFor(type)).isAfter(now)) {
                  all[0] = false;
                }
              });
      if (end.problem() != null) {
        throw new AuditException(
            s.name() + ": damaged at offset " + end.goodEnd() + "; not archiving");
      }
    }
    return all[0];
  }

  /** The top-level "type" string of an event, or "" when it has none. */
  static String type(byte[] b, int off, int len) throws IOException {
    try (JsonParser p = JSON.createParser(b, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return "";
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if ("type".equals(name) && v == JsonToken.VALUE_STRING) {
          return p.getText();
        }
        p.skipChildren();
      }
    }
    return "";
  }
}
