package dev.moat.cli;

import dev.moat.core.text.TerminalText;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Plain-text table with columns aligned for terminals: Chinese characters take two columns, so
 * widths are counted in display cells, not chars. Cells are cleaned of control characters (a file
 * name can hold an escape sequence). A null row is a blank separator line.
 */
final class TextTable {
  private TextTable() {}

  /** Writes {@code rows} (the first is the header); column {@code rightAligned} is numeric. */
  static void write(Writer out, List<String @Nullable []> rows, int rightAligned)
      throws IOException {
    int cols = 0;
    for (String[] r : rows) {
      if (r != null) {
        cols = Math.max(cols, r.length);
      }
    }
    int[] width = new int[cols];
    for (String[] r : rows) {
      if (r != null) {
        for (int i = 0; i < r.length; i++) {
          r[i] = TerminalText.clean(r[i]);
          width[i] = Math.max(width[i], TerminalText.width(r[i]));
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      sb.setLength(0);
      if (r != null) {
        for (int i = 0; i < r.length; i++) {
          int pad = width[i] - TerminalText.width(r[i]);
          if (i == rightAligned) {
            sb.append(" ".repeat(pad)).append(r[i]);
          } else {
            sb.append(r[i]);
            if (i < r.length - 1) {
              sb.append(" ".repeat(pad));
            }
          }
          if (i < r.length - 1) {
            sb.append("  ");
          }
        }
      }
      out.write(sb.toString().stripTrailing());
      out.write('\n');
    }
  }
}
