package dev.moat.core.detect;

/**
 * The first checks of each rule, on the UTF-8 bytes around a candidate, so that most candidates
 * (English words, short numbers, times, dates, versions, numbers failing every check digit) are
 * settled without decoding anything. {@link #check} either says {@link #RUN} (decode and run the
 * rules) or returns where the rules would let scanning resume without emitting anything; the latter
 * only when that is certain. Validation reuses the rules' own pure checks ({@link
 * NumberRules#singleMayEmit}, {@link NumberRules#layout}); the control flow mirrors the head of the
 * rule each method names. Anything unusual (a non-ASCII char where a rule would look) means {@link
 * #RUN}.
 *
 * <p>Chars are read with {@link #at}: ASCII, full-width forms and the ideographic space fold as in
 * {@link Chars#fold}; every other char reads as {@link #OTHER}, which has no class bits and equals
 * no char a rule compares with. Not thread-safe (scratch arrays): one per scan.
 */
final class Utf8Filter {
  /** Any char that does not fold to ASCII. */
  static final char OTHER = 0x80;

  /** Returned by {@link #check} when the rules must run. */
  static final int RUN = -1;

  private final byte[] empty = new byte[0];
  private byte[] b = empty;
  private int len;
  private final boolean low;
  private final char[] n = new char[32];
  private final int[] gs = new int[8];
  private final int[] ge = new int[8];

  /** {@code low}: whether LOW matches are reported, so that a LOW-only outcome still counts. */
  Utf8Filter(boolean low) {
    this.low = low;
  }

  /**
   * Checks the candidate {@code b[s, e)} ({@code chars} chars, class bits and {@link Scan} flags
   * {@code f}). {@code b[0, len)} is buffered; {@code start} says whether {@code b[0]} is the start
   * of the text and {@code eof} whether {@code b[len]} is its end. Returns {@link #RUN} or the
   * buffer index where scanning resumes.
   */
  int check(byte[] b, int len, boolean start, boolean eof, int s, int e, int f, int chars) {
    if ((!eof && e + 64 > len) || (!start && s < 64)) {
      return RUN;
    }
    this.b = b;
    this.len = len;
    if ((f & Scan.CAND_CJK) != 0) {
      char c = (char) (f >>> 16);
      boolean plate = CjkRules.province(c) && Chars.upper(at(e));
      return plate || CjkRules.mayMatch(c, b, s, 0) ? RUN : e;
    }
    if ((f & Scan.CAND_AT) != 0) {
      return email(s, e) ? RUN : e;
    }
    if ((f & Chars.LETTER) == 0) {
      return digits(s, e, chars);
    }
    return token(s, e, f, chars) ? RUN : e;
  }

  /** {@link NetRules#email} gives up at once without a local char before and a word char after. */
  private boolean email(int s, int e) {
    char p = (char) before(s);
    boolean local = Chars.word(p) || p == '.' || p == '_' || p == '%' || p == '+' || p == '-';
    return local && Chars.word(at(e));
  }

  /** {@link NumberRules#digits}. */
  private int digits(int s, int e, int count) {
    if (e - s != count) {
      return RUN;
    }
    char after = at(e);
    char next = at(e + width(e));
    if (after == '.' && Chars.digit(next)) {
      return dotted(s, e);
    }
    if (after == ':' && count <= 4) {
      return colon(s) ? RUN : e;
    }
    if (joinedBefore(s)) {
      return e;
    }
    if (count == 7 && (after == '(' || after == '（')) {
      return RUN; // NumberRules.macauId
    }
    if (after == '-' && (count == 8 || (count == 2 && Chars.hex(next) && mac(s)))) {
      return RUN;
    }
    if ((after == ' ' || after == '-') && count <= 6 && Chars.digit(next)) {
      return grouped(s, e) ? RUN : e;
    }
    if (joinedAfter(e) || count < 9 || count > 19) {
      return e;
    }
    for (int i = 0; i < count; i++) {
      n[i] = (char) b[s + i];
    }
    return NumberRules.singleMayEmit(n, count, (char) before(s), low) ? RUN : e;
  }

  /** {@link TokenRules#token}, with {@link SecretRules#token}'s shapes. */
  private boolean token(int s, int e, int f, int count) {
    char c0 = at(s);
    if ((f & Chars.DIGIT) == 0 && (f & Chars.NONHEX) != 0) {
      if (c0 != 'B' && c0 != 'e' && c0 != 'g' && c0 != 'A' && c0 != 'L') {
        return false;
      }
    }
    if (secret(s, e, c0, count)) {
      return true;
    }
    char after = at(e);
    if ((f & Chars.NONHEX) == 0) {
      if (after == ':' && count <= 4) {
        return colon(s);
      }
      if ((after == '-' && count == 2) || (after == '.' && count == 4)) {
        return true;
      }
    }
    if ((f & Chars.DIGIT) == 0 || count < 7 || count > 18 || joinedBefore(s)) {
      return false;
    }
    if ((after == '-' && count == 8) || after == '(') {
      return true;
    }
    if (joinedAfter(e)) {
      return false;
    }
    return count == 8 || count == 9 || count == 10 || count == 11 || count == 18;
  }

  /** The shapes {@link SecretRules#token} looks at further (a superset of them). */
  private boolean secret(int s, int e, char c0, int count) {
    return switch (c0) {
      case 'B' -> count == 5;
      case 'e' -> count >= 10 && (e - s != count || (b[s + 1] == 'y' && b[s + 2] == 'J'));
      case 'A' -> count == 20 || count == 36;
      case 'L' -> count >= 16 && count <= 30;
      case 'g' -> count == 3;
      default -> false;
    };
  }

  /**
   * {@link NetRules#dotted}: digit runs joined by dots. Unless it can be an IPv4 address or the
   * first number of a GPS pair (two parts, at least four decimals), it consumes the whole chain
   * without emitting.
   */
  private int dotted(int s, int e) {
    int p = s;
    int parts = 0;
    int lastDigits = 0;
    boolean ip = true;
    while (true) {
      int q = p;
      while (q < len && b[q] >= '0' && b[q] <= '9') {
        q++;
      }
      if (q >= len - 8 || b[q] < 0) {
        return RUN;
      }
      int digits = q - p;
      if (digits == 0) {
        break;
      }
      parts++;
      lastDigits = digits;
      if (digits > 3 || (digits > 1 && b[p] == '0') || octet(p, q) > 255) {
        ip = false;
      }
      p = q;
      if (b[q] == '.' && b[q + 1] < 0) {
        return RUN;
      }
      if (b[q] == '.' && b[q + 1] >= '0' && b[q + 1] <= '9') {
        p = q + 1;
      } else {
        break;
      }
    }
    char prev = (char) before(s);
    boolean boundary = !Chars.word(at(p)) && !Chars.word(prev) && prev != '.';
    // IPv4, or the first number of a GPS pair: NetRules.gps needs four decimals or more.
    if (boundary && ((ip && parts == 4) || (parts == 2 && lastDigits >= 4))) {
      return RUN;
    }
    return Math.max(p, e);
  }

  private int octet(int p, int q) {
    int v = 0;
    for (int i = p; i < q && i < p + 4; i++) {
      v = v * 10 + (b[i] - '0');
    }
    return v;
  }

  /** {@link NetRules#colon}: a MAC, or an IPv6 address with enough groups. */
  private boolean colon(int s) {
    return mac(s) || ipv6(s);
  }

  /** Whether {@code b[s..]} has the shape {@link NetRules#mac} checks further, or may. */
  private boolean mac(int s) {
    if (s + 18 >= len) {
      return true;
    }
    int sep = b[s + 2];
    if (sep != ':' && sep != '-') {
      return sep < 0;
    }
    for (int g = 0; g < 6; g++) {
      int p = s + g * 3;
      if (b[p] < 0 || b[p + 1] < 0 || (g < 5 && b[p + 2] < 0)) {
        return true;
      }
      if (!Chars.hex((char) b[p]) || !Chars.hex((char) b[p + 1]) || (g < 5 && b[p + 2] != sep)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@link NetRules#ipv6} can emit: its group count, on ASCII. */
  private boolean ipv6(int s) {
    int p = s;
    int groups = 0;
    boolean compressed = false;
    boolean longGroup = false;
    while (true) {
      int q = p;
      while (q < len && q - p < 5 && b[q] >= 0 && Chars.hex((char) b[q])) {
        q++;
      }
      if (q + 2 >= len || b[q] < 0) {
        return true;
      }
      int n = q - p;
      if (n == 0 || n > 4) {
        if (n > 4) {
          return false;
        }
        break;
      }
      groups++;
      longGroup |= n >= 3;
      if (b[q] != ':') {
        break;
      }
      if (b[q + 1] < 0) {
        return true;
      }
      if (b[q + 1] == ':') {
        if (compressed) {
          return false;
        }
        compressed = true;
        p = q + 2;
      } else {
        p = q + 1;
      }
    }
    return compressed ? groups <= 7 && groups >= 2 && longGroup : groups == 8;
  }

  /**
   * {@link NumberRules}' grouped digits from the short run at {@code s}: gathers the groups as it
   * does and asks {@link NumberRules#layout} what they are.
   */
  private boolean grouped(int s, int e) {
    gs[0] = s;
    ge[0] = e;
    int count = 1;
    int total = e - s;
    int q = e;
    while (true) {
      if (q + 2 >= len || b[q] < 0 || b[q + 1] < 0) {
        return true;
      }
      int c = b[q];
      if ((c != ' ' && c != '-') || b[q + 1] < '0' || b[q + 1] > '9') {
        break;
      }
      if (count == gs.length) {
        return false;
      }
      int r = q + 1;
      while (r < len && b[r] >= '0' && b[r] <= '9') {
        r++;
      }
      gs[count] = q + 1;
      ge[count] = r;
      total += r - q - 1;
      count++;
      q = r;
      if (total > 24) {
        return false;
      }
    }
    if (joinedAfter(q) || Chars.word(at(q))) {
      return false;
    }
    int k = 0;
    for (int g = 0; g < count; g++) {
      for (int i = gs[g]; i < ge[g]; i++) {
        n[k++] = (char) b[i];
      }
    }
    return NumberRules.layout(n, k, gs, ge, count, (char) before(s) == '+') != NumberRules.NONE;
  }

  /** {@link Scan#joinedBefore}: a joiner, and a word char before it. */
  private boolean joinedBefore(int s) {
    int p = before(s);
    char c = (char) p;
    return (c == '-' || c == '_' || c == '.' || c == '+')
        && Chars.word((char) before(s - (p >>> 16)));
  }

  /** {@link Scan#joinedAfter}: {@code @}, or a joiner and a word char. */
  private boolean joinedAfter(int e) {
    char p = at(e);
    return p == '@' || ((p == '-' || p == '_' || p == '.') && Chars.word(at(e + width(e))));
  }

  /** The folded char at {@code b[p]}, which starts a sequence; 0 at or past the end. */
  private char at(int p) {
    if (p >= len) {
      return 0;
    }
    int c = b[p];
    if (c >= 0) {
      return (char) c;
    }
    if (p + 2 < len) {
      return fold3(c, b[p + 1], b[p + 2]);
    }
    return OTHER;
  }

  /** Bytes of the char at {@code b[p]} when it folds to ASCII: 1 or 3. */
  private int width(int p) {
    return p < len && b[p] < 0 ? 3 : 1;
  }

  /**
   * The folded char that ends right before {@code b[s]} ({@code s} a sequence start), with its
   * length in bytes in the high half: ASCII is one byte, a full-width form or the ideographic space
   * three; anything else reads as {@link #OTHER}, and the start of the buffer as 0.
   */
  private int before(int s) {
    if (s <= 0) {
      return 1 << 16;
    }
    int c = b[s - 1];
    if (c >= 0) {
      return 1 << 16 | c;
    }
    return s >= 3 ? 3 << 16 | fold3(b[s - 3], b[s - 2], c) : 1 << 16 | OTHER;
  }

  /** A three-byte sequence that folds to ASCII (U+FF01–U+FF5E, U+3000), else {@link #OTHER}. */
  private static char fold3(int c, int b1, int b2) {
    if ((b2 & 0xC0) != 0x80) {
      return OTHER;
    }
    if (c == (byte) 0xEF && (b1 == (byte) 0xBC || b1 == (byte) 0xBD)) {
      int cp = 0xFF00 | (b1 & 1) << 6 | (b2 & 0x3F);
      return cp >= 0xFF01 && cp <= 0xFF5E ? (char) (cp - 0xFEE0) : OTHER;
    }
    return c == (byte) 0xE3 && b1 == (byte) 0x80 && b2 == (byte) 0x80 ? ' ' : OTHER;
  }
}
