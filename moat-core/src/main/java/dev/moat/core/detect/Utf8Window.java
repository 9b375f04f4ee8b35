package dev.moat.core.detect;

import java.util.Arrays;

/**
 * The chars around one candidate of a {@link Utf8Scan}, decoded from the byte buffer only as far as
 * the rules read. The candidate is decoded at index {@link #BACK}; when a rule reads before or
 * after what is decoded ({@link Scan#has}), the window decodes more bytes in that direction, up to
 * the ends of the byte buffer. Indices already handed out stay valid, so a rule sees exactly the
 * chars it would see in the fully decoded text. {@link #pos} maps each char back to its byte.
 */
final class Utf8Window {
  /** Chars a window can hold before its candidate: far more than any rule looks back. */
  static final int BACK = 1024;

  /** Bytes decoded after a candidate when it is opened: its rules read a char or two there. */
  private static final int OPEN_STEP = 8;

  /** Bytes decoded per forward extension at least. */
  private static final int STEP = 32;

  /** Bytes decoded per backward extension at least. */
  private static final int BACK_STEP = 8;

  char[] a = new char[BACK + 4096];

  /** Buffer index of the byte sequence of each char; {@code pos[hi]} is where decoding stopped. */
  int[] pos = new int[BACK + 4097];

  private final char[] tmp = new char[3 * BACK + 64];
  private final int[] tmpPos = new int[3 * BACK + 64];
  private byte[] b = new byte[0];
  private int blen;
  private boolean eof;

  /**
   * Buffer index from which the bytes up to the candidate are known to be valid UTF-8 (no malformed
   * byte was seen there), so that chars can be counted without decoding.
   */
  int validFrom;

  /** Decoded bytes {@code [wlo, whi)} are chars {@code [sc.lo, sc.hi)}. */
  private int wlo;

  private int whi;

  /**
   * Decodes the candidate at {@code b[bs, be)} into the window at index {@link #BACK} and points
   * {@code sc} at it. {@code b[0, blen)} holds the bytes; {@code eof} says whether input ends at
   * {@code blen}; {@code bs} and {@code b[0]} must be sequence starts.
   */
  void open(Scan sc, byte[] b, int blen, boolean eof, int bs, int be) {
    this.b = b;
    this.blen = blen;
    this.eof = eof;
    wlo = bs;
    whi = bs;
    sc.a = a;
    sc.lo = BACK;
    sc.hi = BACK;
    forward(sc, be + OPEN_STEP);
  }

  /** The buffer index where char {@code i} (at most {@code sc.hi}) starts. */
  int byteAt(Scan sc, int i) {
    if (i >= sc.hi) {
      sc.has(i);
      return i >= sc.hi ? whi : pos[i];
    }
    return pos[Math.max(i, sc.lo)];
  }

  /** Decodes towards char {@code i}; true when it is now inside the window. */
  boolean extend(Scan sc, int i) {
    if (i < sc.lo) {
      if (i >= 0 && wlo > 0) {
        backward(sc, sc.lo - i);
      }
    } else if (whi < blen) {
      forward(sc, whi + Math.max(STEP, 3 * (i - sc.hi + 1)));
    }
    return i >= sc.lo && i < sc.hi;
  }

  /** Decodes the sequences that start before byte {@code to} (at most the end of the buffer). */
  private void forward(Scan sc, int to) {
    int limit = Math.min(blen, to);
    int need = sc.hi + (limit - whi) + 2;
    if (need > a.length) {
      int n = Math.max(need, a.length * 2);
      a = Arrays.copyOf(a, n);
      pos = Arrays.copyOf(pos, n + 1);
      sc.a = a;
    }
    int o = decode(whi, limit, a, pos, sc.hi);
    sc.hi = o;
    pos[o] = whi;
  }

  /**
   * Decodes {@code chars} more chars before the window (fewer at the buffer's or array's start).
   * Bytes known to be valid UTF-8 are decoded backwards, straight into place; elsewhere see {@link
   * #decodeBackward}.
   */
  private void backward(Scan sc, int chars) {
    int floor = Math.max(validFrom, 0);
    if (wlo <= floor) {
      decodeBackward(sc, chars);
      return;
    }
    byte[] b = this.b;
    char[] a = this.a;
    int[] pos = this.pos;
    int p = wlo;
    int o = sc.lo;
    int need = chars;
    while (need > 0 && p > floor && o > 0) {
      int c = b[p - 1];
      if (c >= 0) {
        a[--o] = (char) c;
        pos[o] = --p;
        need--;
        continue;
      }
      int q = p - 1;
      while (q > floor && (b[q] & 0xC0) == 0x80) {
        q--;
      }
      int lead = b[q];
      int n = p - q;
      if (n == 3) {
        a[--o] = (char) ((lead & 0x0F) << 12 | (b[q + 1] & 0x3F) << 6 | (b[q + 2] & 0x3F));
        pos[o] = q;
        need--;
      } else if (n == 2) {
        a[--o] = (char) ((lead & 0x1F) << 6 | (b[q + 1] & 0x3F));
        pos[o] = q;
        need--;
      } else if (n == 4 && o >= 2) {
        int cp =
            (lead & 0x07) << 18
                | (b[q + 1] & 0x3F) << 12
                | (b[q + 2] & 0x3F) << 6
                | (b[q + 3] & 0x3F);
        a[--o] = Character.lowSurrogate(cp);
        pos[o] = q + 1;
        a[--o] = Character.highSurrogate(cp);
        pos[o] = q;
        need -= 2;
      } else {
        break;
      }
      p = q;
    }
    sc.lo = o;
    wlo = p;
    if (need > 0 && o > 0 && p > 0) {
      // Malformed bytes before (or a char that did not fit): decode that part the general way.
      decodeBackward(sc, need);
    }
  }

  /** {@link #backward} for any bytes: decodes a stretch that surely holds enough, then copies. */
  private void decodeBackward(Scan sc, int chars) {
    int from = Utf8.boundary(b, Math.max(0, wlo - Math.max(BACK_STEP, 3 * chars + 3)), 0);
    int saved = whi;
    int n = decode(from, wlo, tmp, tmpPos, 0);
    whi = saved;
    int k = Math.min(n, sc.lo);
    if (k < n && k > 0 && Character.isLowSurrogate(tmp[n - k])) {
      k--;
    }
    System.arraycopy(tmp, n - k, a, sc.lo - k, k);
    System.arraycopy(tmpPos, n - k, pos, sc.lo - k, k);
    sc.lo -= k;
    wlo = k == 0 ? wlo : pos[sc.lo];
  }

  /**
   * Decodes the sequences that start in {@code b[p, to)} into {@code out} from {@code o}, recording
   * each char's byte in {@code at}; sets {@link #whi} to where it stopped and returns the new
   * {@code o}. A sequence cut by the end of the buffer is left for later unless input ends there.
   */
  private int decode(int p, int to, char[] out, int[] at, int o) {
    byte[] b = this.b;
    while (p < to) {
      int c = b[p];
      if (c >= 0) {
        out[o] = (char) c;
        at[o++] = p++;
        continue;
      }
      if ((c & 0xF0) == 0xE0 && p + 2 < blen) {
        int b1 = b[p + 1];
        int b2 = b[p + 2];
        int ch = (c & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F);
        if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && ch >= 0x800 && !surrogate(ch)) {
          out[o] = (char) ch;
          at[o++] = p;
          p += 3;
          continue;
        }
      }
      long r = Utf8.next(b, p, blen, eof);
      if (r == Utf8.NEED_MORE) {
        break;
      }
      int cp = (int) r;
      int n = (int) (r >>> 32);
      if (cp >= 0x10000) {
        out[o] = Character.highSurrogate(cp);
        at[o++] = p;
        out[o] = Character.lowSurrogate(cp);
        at[o++] = p + 1;
      } else {
        out[o] = (char) cp;
        at[o++] = p;
      }
      p += n;
    }
    whi = p;
    return o;
  }

  private static boolean surrogate(int ch) {
    return ch >= 0xD800 && ch <= 0xDFFF;
  }
}
