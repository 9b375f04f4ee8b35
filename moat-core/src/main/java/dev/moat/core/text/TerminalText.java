package dev.moat.core.text;

/**
 * Text for a terminal: column widths and control-character stripping, for every table and message
 * Moat prints. CJK ideographs, Hangul, kana and full-width forms take two columns (East Asian Width
 * W/F); everything else one. Anything that came from outside (a file name, a column name, a sampled
 * value, a peer's banner or error) goes through {@link #clean} before it reaches a terminal.
 */
public final class TerminalText {
  private TerminalText() {}

  /** Whether {@code cp} takes two terminal columns. */
  public static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0x303E)
        || (cp >= 0x3041 && cp <= 0x33FF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0xA000 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }

  /** Columns {@code s} occupies on a terminal. */
  public static int width(String s) {
    return s.codePoints().map(cp -> isWide(cp) ? 2 : 1).sum();
  }

  /** {@code s} padded with spaces to {@code columns} terminal columns. */
  public static String pad(String s, int columns) {
    int w = width(s);
    return w >= columns ? s : s + " ".repeat(columns - w);
  }

  /**
   * {@code s} with control characters (ESC, CR, BEL, C1 controls, bidi overrides) replaced by
   * {@code ?}: text that came from a scanned peer must not move the cursor or recolour the
   * terminal. Newlines become spaces so one value stays on one line.
   */
  public static String clean(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              if (cp == '\n' || cp == '\t') {
                sb.append(' ');
              } else if (Character.isISOControl(cp) || isBidiControl(cp)) {
                sb.append('?');
              } else {
                sb.appendCodePoint(cp);
              }
            });
    return sb.toString();
  }

  private static boolean isBidiControl(int cp) {
    return (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0x200E
        || cp == 0x200F;
  }
}
