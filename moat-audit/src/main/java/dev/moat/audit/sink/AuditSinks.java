package dev.moat.audit.sink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.moat.audit.Entry;
import dev.moat.audit.LogReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Forwards a log's entries to a sink, at least once: entries from the cursor on are sent in
 * batches, and the cursor ({@code sinks/<name>.cursor}, the next index to send) is advanced
 * atomically only after the sink confirmed the batch. A crash or a failed send means the batch is
 * sent again next time; nothing is skipped.
 *
 * <p>One forwarder per sink at a time (the cursor is not locked).
 */
public final class AuditSinks {
  private static final JsonFactory JSON = new JsonFactory();

  private AuditSinks() {}

  /**
   * Sends every entry from the sink's cursor to the end of the log.
   *
   * @return how many entries were sent
   */
  public static long forward(Path logDir, AuditSink sink, int batchSize) throws IOException {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
    }
    try (LogReader reader = LogReader.open(logDir)) {
      return forward(reader, logDir, sink, batchSize);
    }
  }

  private static long forward(LogReader reader, Path logDir, AuditSink sink, int batchSize)
      throws IOException {
    String origin = reader.checkpoint().origin();
    Path cursorFile = logDir.resolve("sinks").resolve(sink.name() + ".cursor");
    long from = readCursor(cursorFile);
    List<Entry> batch = new ArrayList<>();
    long[] sent = {0};
    IOException[] failed = {null};
    reader.scan(
        from,
        e -> {
          batch.add(e);
          if (batch.size() >= batchSize) {
            try {
              flush(sink, origin, batch, cursorFile);
              sent[0] += batchSize;
            } catch (IOException ex) {
              failed[0] = ex;
              return false;
            }
          }
          return true;
        });
    if (failed[0] != null) {
      throw failed[0];
    }
    if (!batch.isEmpty()) {
      sent[0] += batch.size();
      flush(sink, origin, batch, cursorFile);
    }
    return sent[0];
  }

  private static void flush(AuditSink sink, String origin, List<Entry> batch, Path cursorFile)
      throws IOException {
    sink.send(origin, List.copyOf(batch));
    writeCursor(cursorFile, batch.get(batch.size() - 1).index() + 1);
    batch.clear();
  }

  /** The next index the sink's cursor points at; 0 if it has none. */
  public static long readCursor(Path cursorFile) throws IOException {
    if (!Files.exists(cursorFile)) {
      return 0;
    }
    String s = Files.readString(cursorFile, StandardCharsets.US_ASCII).strip();
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IOException("cursor " + cursorFile + " is not a number: " + s, e);
    }
  }

  private static void writeCursor(Path cursorFile, long next) throws IOException {
    Path dir = cursorFile.toAbsolutePath().getParent();
    if (dir == null) {
      throw new IOException("no directory for " + cursorFile);
    }
    Files.createDirectories(dir);
    Path tmp = dir.resolve(cursorFile.getFileName() + ".tmp");
    try (java.nio.channels.FileChannel ch =
        java.nio.channels.FileChannel.open(
            tmp,
            java.nio.file.StandardOpenOption.WRITE,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(java.nio.ByteBuffer.wrap((next + "\n").getBytes(StandardCharsets.US_ASCII)));
      ch.force(true);
    }
    Files.move(
        tmp, cursorFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The top-level "type" string of an event JSON, or "". */
  static String type(String json) {
    try (JsonParser p = JSON.createParser(json)) {
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
    } catch (IOException e) {
      return "";
    }
    return "";
  }
}
