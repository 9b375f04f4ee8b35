package dev.moat.cli;

import dev.moat.core.detect.DetectionEngine;
import dev.moat.core.detect.Match;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Scans CSV and TSV files cell by cell, so that the header names each column: a {@code 身份证号} or
 * {@code passport_no} column raises its values' confidence the way a hotword does in prose, and
 * column-only entities (names, addresses) are found. Reported lines and code-point offsets are
 * those of the file, as for any other text.
 *
 * <p>The first line is taken as a header when it has at least two cells and no matches of its own;
 * otherwise the file is streamed like any text. Constant memory holds: a line longer than {@value
 * #MAX_LINE} chars ends cell mode, and the rest of the file from that line on is streamed by the
 * engine with line numbers shifted. Quoted cells are unquoted; a quoted newline splits a record in
 * two, which only costs those cells their column name.
 */
final class CsvScan {
  static final int MAX_LINE = 1 << 20;

  private final DetectionEngine engine;
  private final char delimiter;
  private final DetectionEngine.StreamSink sink;

  /** Set by {@link #readLine} when a line exceeds {@link #MAX_LINE}. */
  private boolean overlong;

  /** A scan of one file. Not thread-safe; one instance per file. */
  CsvScan(DetectionEngine engine, char delimiter, DetectionEngine.StreamSink sink) {
    this.engine = engine;
    this.delimiter = delimiter;
    this.sink = sink;
  }

  /**
   * The delimiter for {@code fileName} ({@code .csv}, {@code .tsv}, optionally {@code .gz}), or 0.
   */
  static char delimiter(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".csv")) {
      return ',';
    }
    return n.endsWith(".tsv") ? '\t' : 0;
  }

  /** Reads {@code in} to its end, reporting matches to the sink. */
  void run(Reader in) throws IOException {
    BufferedReader r = new BufferedReader(in, 1 << 16);
    r.mark(MAX_LINE + 2);
    String first = readLine(r);
    List<String> header = first == null ? List.of() : cells(first, delimiter, null);
    if (first == null || header.size() < 2 || !engine.find(first).isEmpty()) {
      r.reset();
      engine.scan(r, sink);
      return;
    }
    for (int i = 0; i < header.size(); i++) {
      header.set(i, header.get(i).strip());
    }
    long line = 1;
    List<Integer> starts = new ArrayList<>();
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
      starts.clear();
      List<String> cells = cells(text, delimiter, starts);
      long cp = 0;
      int at = 0;
      for (int i = 0; i < cells.size(); i++) {
        int start = starts.get(i);
        cp += text.codePointCount(at, start);
        at = start;
        String cell = cells.get(i);
        String field = i < header.size() ? header.get(i) : "";
        for (Match m : engine.findInField(field, cell)) {
          long s = cp + cell.codePointCount(0, m.start());
          long e = s + cell.codePointCount(m.start(), m.end());
          sink.accept(line, s, e, m);
        }
      }
    }
  }

  /**
   * One line without its terminator, or null at the end of input or when the line is longer than
   * {@link #MAX_LINE} (then {@link #overlong} is set).
   */
  private @Nullable String readLine(BufferedReader r) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = r.read()) >= 0) {
      if (c == '\n') {
        return trimCr(sb);
      }
      if (sb.length() >= MAX_LINE) {
        overlong = true;
        return null;
      }
      sb.append((char) c);
    }
    return sb.length() == 0 ? null : trimCr(sb);
  }

  private static String trimCr(StringBuilder sb) {
    int n = sb.length();
    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
  }

  /**
   * Splits {@code line} at {@code delimiter} outside double quotes. Each cell is returned without
   * its surrounding quotes; its start index in {@code line} (after an opening quote) goes to {@code
   * starts} when given. Doubled quotes inside a quoted cell are kept as they are, so offsets stay
   * exact.
   */
  static List<String> cells(String line, char delimiter, @Nullable List<Integer> starts) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (true) {
      int start = i;
      int end;
      if (i < n && line.charAt(i) == '"') {
        start = i + 1;
        int j = start;
        while (j < n) {
          if (line.charAt(j) == '"') {
            if (j + 1 < n && line.charAt(j + 1) == '"') {
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        end = Math.min(j, n);
        i = line.indexOf(delimiter, Math.min(j + 1, n));
      } else {
        i = line.indexOf(delimiter, i);
        end = i < 0 ? n : i;
      }
      out.add(line.substring(start, end));
      if (starts != null) {
        starts.add(start);
      }
      if (i < 0) {
        return out;
      }
      i++;
    }
  }
}
