package dev.moat.core.mask;

/**
 * Keeps the first {@code first} and last {@code last} significant chars (letters, digits, CJK, and
 * {@code *}) and replaces the others with {@code *}; separators (spaces, dashes, dots, brackets…)
 * stay where they are, so length and layout are kept. Counting {@code *} as significant makes it
 * idempotent. A value with no more significant chars than {@code first + last} keeps at most a
 * quarter of them at each end, so short values are never shown in full.
 */
record KeepMasker(int first, int last) implements Masker {
  KeepMasker {
    if (first < 0 || last < 0) {
      throw new IllegalArgumentException("keep counts must be >= 0: " + first + ":" + last);
    }
  }

  @Override
  public String mask(String value) {
    // Runs once per reported match, so on the hot path of `moat detect`: code points are walked
    // in place (ASCII through a table), and the result is built in one char array.
    int n = value.length();
    int count = 0;
    for (int i = 0; i < n; ) {
      char c = value.charAt(i);
      if (c < 0x80) {
        count += ASCII_SIGNIFICANT[c] ? 1 : 0;
        i++;
      } else {
        int cp = value.codePointAt(i);
        i += Character.charCount(cp);
        count += significant(cp) ? 1 : 0;
      }
    }
    int f = first;
    int l = last;
    if (count <= f + l) {
      f = Math.min(f, count / 4);
      l = Math.min(l, count / 4);
    }
    char[] out = new char[n];
    int o = 0;
    int k = 0;
    for (int i = 0; i < n; ) {
      char c = value.charAt(i);
      if (c < 0x80) {
        if (ASCII_SIGNIFICANT[c]) {
          out[o++] = k < f || k >= count - l ? c : '*';
          k++;
        } else {
          out[o++] = c;
        }
        i++;
        continue;
      }
      int cp = value.codePointAt(i);
      int len = Character.charCount(cp);
      if (significant(cp) && !(k++ < f || k > count - l)) {
        out[o++] = '*';
      } else {
        value.getChars(i, i + len, out, o);
        o += len;
      }
      i += len;
    }
    return new String(out, 0, o);
  }

  private static final boolean[] ASCII_SIGNIFICANT = new boolean[128];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII_SIGNIFICANT[c] = significant(c);
    }
  }

  static boolean significant(int cp) {
    return cp == '*' || Character.isLetterOrDigit(cp);
  }

  @Override
  public String toString() {
    return "keep:" + first + ":" + last;
  }
}
