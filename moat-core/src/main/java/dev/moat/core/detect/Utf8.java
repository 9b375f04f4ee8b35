package dev.moat.core.detect;

/**
 * UTF-8 as the JDK decodes it with {@code CodingErrorAction.REPLACE} (what {@code TextFiles} hands
 * the char path): one U+FFFD per malformed sequence, with the JDK's sequence lengths, and one
 * U+FFFD for an incomplete sequence at the end of input. Byte-level scanning relies on this to
 * produce the same chars, offsets and columns as decoding the whole text would.
 *
 * <p>Every malformed sequence consists of one byte followed only by continuation bytes ({@code
 * 10xxxxxx}), just like a valid one. So a byte that is not a continuation byte always starts a
 * sequence, and decoding may begin there without knowing what came before ({@link #boundary}).
 */
final class Utf8 {
  /** Returned by {@link #next} when the bytes end inside a sequence and more input may follow. */
  static final long NEED_MORE = 0;

  private Utf8() {}

  static boolean continuation(int b) {
    return (b & 0xC0) == 0x80;
  }

  /**
   * The sequence at {@code b[p]}, with {@code b[end]} the end of the available bytes and {@code
   * eof} whether input ends there. Returns {@code length << 32 | codePoint}, where the code point
   * is U+FFFD for a malformed sequence, or {@link #NEED_MORE}.
   */
  static long next(byte[] b, int p, int end, boolean eof) {
    int b1 = b[p];
    if (b1 >= 0) {
      return 1L << 32 | b1;
    }
    int rem = end - p;
    if ((b1 >> 5) == -2 && (b1 & 0x1e) != 0) {
      if (rem < 2) {
        return eof ? bad(rem) : NEED_MORE;
      }
      int b2 = b[p + 1];
      if (!continuation(b2)) {
        return bad(1);
      }
      return 2L << 32 | ((b1 << 6) ^ b2 ^ (((byte) 0xC0 << 6) ^ ((byte) 0x80)));
    }
    if ((b1 >> 4) == -2) {
      if (rem < 3) {
        if (rem > 1 && malformed3(b1, b[p + 1])) {
          return bad(1);
        }
        return eof ? bad(rem) : NEED_MORE;
      }
      int b2 = b[p + 1];
      int b3 = b[p + 2];
      if (malformed3(b1, b2) || !continuation(b3)) {
        return bad(malformed3(b1, b2) ? 1 : 2);
      }
      int c = (b1 & 0x0F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F);
      return Character.isSurrogate((char) c) ? bad(3) : 3L << 32 | c;
    }
    if ((b1 >> 3) == -2) {
      return four(b, p, rem, eof);
    }
    return bad(1);
  }

  private static long four(byte[] b, int p, int rem, boolean eof) {
    int b1 = b[p] & 0xff;
    if (rem < 4) {
      if (b1 > 0xf4 || (rem > 1 && malformed4(b1, b[p + 1] & 0xff))) {
        return bad(1);
      }
      if (rem > 2 && !continuation(b[p + 2])) {
        return bad(2);
      }
      return eof ? bad(rem) : NEED_MORE;
    }
    int b2 = b[p + 1] & 0xff;
    int b3 = b[p + 2];
    int b4 = b[p + 3];
    int uc = (b1 & 0x07) << 18 | (b2 & 0x3F) << 12 | (b3 & 0x3F) << 6 | (b4 & 0x3F);
    if (continuation(b2)
        && continuation(b3)
        && continuation(b4)
        && Character.isSupplementaryCodePoint(uc)) {
      return 4L << 32 | uc;
    }
    if (b1 > 0xf4 || malformed4(b1, b2)) {
      return bad(1);
    }
    return bad(continuation(b3) ? 3 : 2);
  }

  /** Lead E0..EF and second byte {@code b2}: cannot start a valid 3-byte sequence. */
  private static boolean malformed3(int b1, int b2) {
    return ((byte) b1 == (byte) 0xE0 && (b2 & 0xE0) == 0x80) || !continuation(b2);
  }

  /** Lead F0..F4 and second byte: cannot start a valid 4-byte sequence (both as 0..255). */
  private static boolean malformed4(int b1, int b2) {
    return (b1 == 0xf0 && (b2 < 0x90 || b2 > 0xbf))
        || (b1 == 0xf4 && (b2 & 0xf0) != 0x80)
        || !continuation(b2);
  }

  private static long bad(int length) {
    return (long) length << 32 | 0xFFFD;
  }

  /**
   * A position at or before {@code p} (and after {@code floor}) where a sequence starts: {@code p}
   * itself unless it is a continuation byte that the sequence of an earlier byte may absorb. A
   * sequence has at most three continuation bytes, so four in a row cannot all belong to one.
   */
  static int boundary(byte[] b, int p, int floor) {
    for (int q = p; q > p - 4 && q >= floor; q--) {
      if (!continuation(b[q])) {
        return q;
      }
    }
    return p;
  }
}
