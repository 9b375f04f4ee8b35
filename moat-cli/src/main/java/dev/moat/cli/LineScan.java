package dev.moat.cli;

import dev.moat.core.detect.DetectionEngine;
import dev.moat.core.detect.Match;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/**
 * Scans a structured text file line by line, so that each value is seen with its field name ({@link
 * CsvScan}: the column header; {@link JsonLinesScan}: the JSON key). Reported lines and code-point
 * offsets are those of the file, as for any other text.
 *
 * <p>The first line decides ({@link #begin}): when it does not look like the format, the whole file
 * is streamed through the engine like any text. Constant memory holds: a line longer than {@value
 * #MAX_LINE} chars ends line mode, and the rest of the file from that line on is streamed by the
 * engine with line numbers shifted.
 */
abstract class LineScan {
  static final int MAX_LINE = 1 << 20;

  final DetectionEngine engine;
  final DetectionEngine.StreamSink sink;

  /** Set by {@link #readLine} when a line exceeds {@link #MAX_LINE}. */
  private boolean overlong;

  /** Where {@link #report} counted code points to last: line, char index, code points before it. */
  private long countedLine = -1;

  private int countedChars;
  private long countedCodePoints;

  /** Read-ahead buffer of {@link #readLine}. */
  private final char[] chunk = new char[8192];

  LineScan(DetectionEngine engine, DetectionEngine.StreamSink sink) {
    this.engine = engine;
    this.sink = sink;
  }

  /**
   * Whether the file is in this format, judged by its first line; when it is, {@link #line} is
   * called for the first line too unless this returns with the line consumed ({@link
   * #firstIsData}).
   */
  abstract boolean begin(String first);

  /** Whether the first line holds data (JSON Lines) rather than names (a CSV header). */
  abstract boolean firstIsData();

  /** Scans line {@code number} (1-based), {@code text} without its terminator. */
  abstract void line(long number, String text) throws IOException;

  /** Reads {@code in} to its end, reporting matches to the sink. */
  final void run(Reader in) throws IOException {
    BufferedReader r = new BufferedReader(in, 1 << 16);
    r.mark(MAX_LINE + 2);
    String first = readLine(r);
    if (first == null || !begin(first)) {
      r.reset();
      engine.scan(r, sink);
      return;
    }
    long line = 1;
    if (firstIsData()) {
      line(line, first);
    }
    while (true) {
      r.mark(MAX_LINE + 2);
      String text = readLine(r);
      if (text == null) {
        if (overlong) {
          overlong = false;
          r.reset();
          long shift = line;
          engine.scan(r, (l, s, e, m) -> sink.accept(l + shift, s, e, m));
        }
        return;
      }
      line++;
      line(line, text);
    }
  }

  /**
   * Reports {@code m}, found in {@code text} from char {@code offset} on, with file positions.
   * Matches of a line come in text order, so code points are counted on from the previous one.
   */
  final void report(long line, String text, int offset, Match m) throws IOException {
    int start = offset + m.start();
    if (line != countedLine || start < countedChars) {
      countedLine = line;
      countedChars = 0;
      countedCodePoints = 0;
    }
    countedCodePoints += text.codePointCount(countedChars, start);
    countedChars = start;
    long s = countedCodePoints;
    long e = s + text.codePointCount(start, offset + m.end());
    sink.accept(line, s, e, m);
  }

  /**
   * One line without its terminator, or null at the end of input or when the line is longer than
   * {@link #MAX_LINE} (then {@link #overlong} is set). Reads in bulk: {@code r} is marked at the
   * line's start, read ahead, then reset and skipped to just past the line.
   */
  private @Nullable String readLine(BufferedReader r) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] chunk = this.chunk;
    while (true) {
      int n = r.read(chunk, 0, Math.min(chunk.length, MAX_LINE + 1 - sb.length()));
      if (n < 0) {
        return sb.length() == 0 ? null : trimCr(sb);
      }
      for (int i = 0; i < n; i++) {
        if (chunk[i] == '\n') {
          sb.append(chunk, 0, i);
          r.reset();
          r.skip(sb.length() + 1L);
          return trimCr(sb);
        }
      }
      sb.append(chunk, 0, n);
      if (sb.length() > MAX_LINE) {
        overlong = true;
        return null;
      }
    }
  }

  private static String trimCr(StringBuilder sb) {
    int n = sb.length();
    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
  }
}
