package dev.moat.core.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hotwords of one entity (lower-case), indexed by first char, for {@link Hotwords#near}: one
 * pass over a window, where a char is looked at further only when a hotword starts with it (a
 * 1024-bit filter, then a small hash table of the words by first char).
 */
final class HotwordTable {
  private static final char[] LOWER = new char[128];

  static {
    for (char c = 0; c < 128; c++) {
      LOWER[c] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
  }

  private final long[] filter = new long[16];
  private final int[] keys;
  private final char[][][] words;
  private final int mask;

  HotwordTable(char[][] hotwords) {
    Map<Character, List<char[]>> byFirst = new LinkedHashMap<>();
    for (char[] w : hotwords) {
      if (w.length > 0) {
        byFirst.computeIfAbsent(w[0], k -> new ArrayList<>()).add(w);
        filter[(w[0] >> 6) & 15] |= 1L << w[0];
      }
    }
    int size = Integer.highestOneBit(Math.max(4, byFirst.size() * 2)) * 2;
    keys = new int[size];
    Arrays.fill(keys, -1);
    words = new char[size][][];
    mask = size - 1;
    byFirst.forEach(
        (c, ws) -> {
          int i = slot(c);
          while (keys[i] >= 0) {
            i = (i + 1) & mask;
          }
          keys[i] = c;
          words[i] = ws.toArray(new char[0][]);
        });
  }

  private int slot(char c) {
    return (c * 0x9E37) >>> 4 & mask;
  }

  /** Whether a hotword occurs, folded and lower-cased, within {@code a[lo, end)}. */
  boolean near(char[] a, int lo, int end) {
    long[] f = filter;
    for (int p = lo; p < end; p++) {
      char c = lower(a[p]);
      if ((f[(c >> 6) & 15] & 1L << c) == 0) {
        continue;
      }
      for (int i = slot(c); keys[i] >= 0; i = (i + 1) & mask) {
        if (keys[i] == c) {
          for (char[] w : words[i]) {
            if (p + w.length <= end && matches(a, p, w)) {
              return true;
            }
          }
          break;
        }
      }
    }
    return false;
  }

  private static boolean matches(char[] a, int p, char[] w) {
    for (int i = 1; i < w.length; i++) {
      if (lower(a[p + i]) != w[i]) {
        return false;
      }
    }
    return true;
  }

  /** {@link Chars#fold}, then ASCII lower case. */
  static char lower(char c) {
    if (c < 128) {
      return LOWER[c];
    }
    char f = Chars.fold(c);
    return f < 128 ? LOWER[f] : f;
  }
}
