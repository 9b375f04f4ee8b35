package dev.moat.core.detect;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Line and code-point column of a byte position in a UTF-8 stream, counted lazily and only forward:
 * from the last position asked for to the next. Valid UTF-8 is counted eight bytes at a time (a
 * {@code '\n'} ends a line; every byte that is not a continuation byte starts a code point); a
 * stretch with a malformed byte in it is counted sequence by sequence as the JDK decoder would
 * split it, one U+FFFD each.
 */
final class LineCounter {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGHS = 0x8080808080808080L;
  private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

  /** The buffer and the absolute offset of its first byte, kept current by the scan. */
  byte[] buf = new byte[0];

  long base;

  /** The number of valid bytes in {@link #buf}, and whether input ends there. */
  int len;

  boolean eof;

  /** Absolute offset of the latest malformed byte seen by the tokenizer, or -1. */
  long lastBad = -1;

  /** 1-based line and 0-based code-point column at {@link #counted}. */
  long line = 1;

  long column;

  /** Absolute offset counted up to. */
  long counted;

  /** Counts up to the absolute offset {@code target} (a sequence start), if not there yet. */
  void moveTo(long target) {
    if (target <= counted) {
      return;
    }
    int from = (int) (counted - base);
    int to = (int) (target - base);
    if (lastBad >= counted) {
      counted = base + exact(from, to);
    } else {
      fast(from, to);
      counted = target;
    }
  }

  private void fast(int from, int to) {
    byte[] b = buf;
    long lines = 0;
    long col = column;
    int p = from;
    for (; p + 8 <= to; p += 8) {
      long x = (long) LONGS.get(b, p);
      long t = x ^ NEWLINES;
      long nl = ~(((t & LOWS) + LOWS) | t | LOWS);
      long starts = ~(x & ~(x << 1)) & HIGHS;
      if (nl == 0) {
        col += Long.bitCount(starts);
      } else {
        lines += Long.bitCount(nl);
        long after = -1L << (63 - Long.numberOfLeadingZeros(nl)) << 1;
        col = Long.bitCount(starts & after);
      }
    }
    for (; p < to; p++) {
      int c = b[p];
      if (c == '\n') {
        lines++;
        col = 0;
      } else if ((c & 0xC0) != 0x80) {
        col++;
      }
    }
    line += lines;
    column = col;
  }

  /** Counts sequence by sequence; returns the buffer index reached (a sequence start). */
  private int exact(int from, int to) {
    byte[] b = buf;
    int p = from;
    while (p < to) {
      long r = Utf8.next(b, p, len, eof);
      if (r == Utf8.NEED_MORE) {
        break;
      }
      if (b[p] == '\n') {
        line++;
        column = 0;
      } else {
        column++;
      }
      p += (int) (r >>> 32);
    }
    return p;
  }
}
