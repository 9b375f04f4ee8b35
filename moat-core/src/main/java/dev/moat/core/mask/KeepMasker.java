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
    // Two passes over the code points, without boxing them into an array: this runs once per
    // reported match, so on the hot path of `moat detect`.
    int n = value.length();
    int count = 0;
    for (int i = 0; i < n; ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      if (significant(cp)) {
        count++;
      }
    }
    int f = first;
    int l = last;
    if (count <= f + l) {
      f = Math.min(f, count / 4);
      l = Math.min(l, count / 4);
    }
    StringBuilder b = new StringBuilder(n);
    int k = 0;
    for (int i = 0; i < n; ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      if (significant(cp)) {
        b.appendCodePoint(k < f || k >= count - l ? cp : '*');
        k++;
      } else {
        b.appendCodePoint(cp);
      }
    }
    return b.toString();
  }

  static boolean significant(int cp) {
    return cp == '*' || Character.isLetterOrDigit(cp);
  }

  @Override
  public String toString() {
    return "keep:" + first + ":" + last;
  }
}
