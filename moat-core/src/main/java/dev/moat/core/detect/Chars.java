package dev.moat.core.detect;

/**
 * Character classes for the single-pass scanner. ASCII chars are looked up in a 128-entry table;
 * full-width forms U+FF01–U+FF5E fold one-to-one onto ASCII, so offsets in the original text stay
 * valid. CJK chars that can start a plate or end a hotword are kept in a 64 Ki-bit set.
 */
final class Chars {
  static final int DIGIT = 1;
  static final int UPPER = 2;
  static final int LOWER = 4;
  static final int HEX = 8;
  static final int NONHEX = 16;
  static final int AT = 32;
  static final int WORD = DIGIT | UPPER | LOWER;
  static final int LETTER = UPPER | LOWER;

  private static final byte[] ASCII = new byte[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      ASCII[c] = DIGIT | HEX;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      ASCII[c] = (byte) (UPPER | (c <= 'F' ? HEX : NONHEX));
      ASCII[c + 32] = (byte) (LOWER | (c <= 'F' ? HEX : NONHEX));
    }
    ASCII['@'] = AT;
  }

  private Chars() {}

  /** Class bits of an ASCII char ({@code c < 128}). */
  static int ascii(char c) {
    return ASCII[c];
  }

  /** Class bits of {@code c}, folding full-width forms; 0 for anything uninteresting. */
  static int cls(char c) {
    if (c < 128) {
      return ASCII[c];
    }
    if (c >= 0xFF01 && c <= 0xFF5E) {
      return ASCII[c - 0xFEE0];
    }
    return 0;
  }

  /** {@code c} with full-width ASCII forms (and the ideographic space) folded to ASCII. */
  static char fold(char c) {
    if (c < 0xFF01) {
      return c == 0x3000 ? ' ' : c;
    }
    return c <= 0xFF5E ? (char) (c - 0xFEE0) : c;
  }

  static boolean digit(char c) {
    return (cls(c) & DIGIT) != 0;
  }

  static boolean word(char c) {
    return (cls(c) & WORD) != 0;
  }

  static boolean hex(char c) {
    return (cls(c) & HEX) != 0;
  }

  static boolean upper(char c) {
    return (cls(c) & UPPER) != 0;
  }

  /** A CJK unified ideograph (basic block), the shape of names and addresses. */
  static boolean han(char c) {
    return c >= 0x4E00 && c <= 0x9FFF;
  }
}
