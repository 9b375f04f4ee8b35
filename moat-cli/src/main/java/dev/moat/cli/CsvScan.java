package dev.moat.cli;

import dev.moat.core.detect.DetectionEngine;
import dev.moat.core.detect.Match;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Scans CSV and TSV files cell by cell, so that the header names each column: a {@code 身份证号} or
 * {@code passport_no} column raises its values' confidence the way a hotword does in prose, and
 * column-only entities (names, addresses) are found.
 *
 * <p>The first line is taken as a header when it has at least two cells and no matches of its own;
 * otherwise the file is streamed like any text. Quoted cells are unquoted; a quoted newline splits
 * a record in two, which only costs those cells their column name. See {@link LineScan} for lines,
 * offsets and constant memory.
 */
final class CsvScan extends LineScan {
  private final char delimiter;
  private List<String> header = List.of();
  private final List<Integer> starts = new ArrayList<>();

  /** A scan of one file. Not thread-safe; one instance per file. */
  CsvScan(DetectionEngine engine, char delimiter, DetectionEngine.StreamSink sink) {
    super(engine, sink);
    this.delimiter = delimiter;
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

  @Override
  boolean begin(String first) {
    List<String> names = cells(first, delimiter, null);
    if (names.size() < 2 || !engine.find(first).isEmpty()) {
      return false;
    }
    names.replaceAll(String::strip);
    header = names;
    return true;
  }

  @Override
  boolean firstIsData() {
    return false;
  }

  @Override
  void line(long number, String text) throws IOException {
    starts.clear();
    List<String> cells = cells(text, delimiter, starts);
    for (int i = 0; i < cells.size(); i++) {
      String field = i < header.size() ? header.get(i) : "";
      for (Match m : engine.findInField(field, cells.get(i))) {
        report(number, text, starts.get(i), m);
      }
    }
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
