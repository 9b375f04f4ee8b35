package dev.moat.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Plain-text table with columns aligned for terminals: Chinese characters take two columns, so
 * widths are counted in display cells, not chars. A null row is a blank separator line.
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
          width[i] = Math.max(width[i], cells(r[i]));
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      sb.setLength(0);
      if (r != null) {
        for (int i = 0; i < r.length; i++) {
          int pad = width[i] - cells(r[i]);
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

  /** Display width: East Asian wide and full-width characters count as two cells. */
  static int cells(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      w += wide(cp) ? 2 : 1;
    }
    return w;
  }

  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
