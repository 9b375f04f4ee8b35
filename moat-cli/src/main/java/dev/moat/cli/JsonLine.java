package dev.moat.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * A reused char buffer that one JSON object is written into before it goes to the output in one
 * call: numbers without {@code Long.toString}, strings escaped as {@link Json#string} does. Not
 * thread-safe.
 */
final class JsonLine {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private char[] c = new char[512];
  private int n;

  void clear() {
    n = 0;
  }

  void raw(String s) {
    int len = s.length();
    ensure(len);
    s.getChars(0, len, c, n);
    n += len;
  }

  void raw(char[] s) {
    ensure(s.length);
    System.arraycopy(s, 0, c, n, s.length);
    n += s.length;
  }

  /** A decimal {@code long}. */
  void number(long v) {
    if (v < 0) {
      raw(Long.toString(v));
      return;
    }
    ensure(20);
    int digits = 1;
    for (long x = v; x >= 10; x /= 10) {
      digits++;
    }
    int p = n + digits;
    long x = v;
    do {
      c[--p] = (char) ('0' + (int) (x % 10));
      x /= 10;
    } while (x != 0);
    n += digits;
  }

  /** {@code s} as a quoted JSON string, escaped exactly as {@link Json#string} escapes it. */
  void string(String s) {
    int len = s.length();
    ensure(len * 6 + 2);
    char[] a = c;
    int p = n;
    a[p++] = '"';
    for (int i = 0; i < len; i++) {
      char ch = s.charAt(i);
      if (ch >= 0x20 && ch != '"' && ch != '\\' && ch < 0x2028) {
        a[p++] = ch;
        continue;
      }
      switch (ch) {
        case '"' -> {
          a[p++] = '\\';
          a[p++] = '"';
        }
        case '\\' -> {
          a[p++] = '\\';
          a[p++] = '\\';
        }
        case '\n' -> {
          a[p++] = '\\';
          a[p++] = 'n';
        }
        case '\r' -> {
          a[p++] = '\\';
          a[p++] = 'r';
        }
        case '\t' -> {
          a[p++] = '\\';
          a[p++] = 't';
        }
        default -> {
          if (ch < 0x20
              || ch == 0x2028
              || ch == 0x2029
              || (Character.isSurrogate(ch) && !Json.paired(s, i))) {
            a[p++] = '\\';
            a[p++] = 'u';
            a[p++] = HEX[ch >> 12 & 0xf];
            a[p++] = HEX[ch >> 8 & 0xf];
            a[p++] = HEX[ch >> 4 & 0xf];
            a[p++] = HEX[ch & 0xf];
          } else {
            a[p++] = ch;
          }
        }
      }
    }
    a[p++] = '"';
    n = p;
  }

  void writeTo(Writer w) throws IOException {
    w.write(c, 0, n);
  }

  private void ensure(int more) {
    if (n + more > c.length) {
      c = Arrays.copyOf(c, Math.max(c.length * 2, n + more));
    }
  }
}
