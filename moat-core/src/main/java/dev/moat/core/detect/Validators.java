package dev.moat.core.detect;

import java.time.LocalDate;

/**
 * Check-digit and structure validators. Each works on ASCII chars already folded from full width
 * and stripped of separators, given as {@code char[] a, int off, int len}, and allocates nothing.
 */
final class Validators {
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";
  private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  /** {@code USCC_CHARS.indexOf(c)} for ASCII {@code c}. */
  private static final byte[] USCC_VALUE = new byte[128];

  static {
    java.util.Arrays.fill(USCC_VALUE, (byte) -1);
    for (int i = 0; i < USCC_CHARS.length(); i++) {
      USCC_VALUE[USCC_CHARS.charAt(i)] = (byte) i;
    }
  }

  private static final int[] USCC_WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };
  private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
  private static final int[] DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  /** The current year; birth dates later than today are invalid. Read once per JVM day is fine. */
  private static volatile int today = todayInt();

  private Validators() {}

  private static int todayInt() {
    LocalDate d = LocalDate.now(java.time.ZoneOffset.UTC);
    return d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
  }

  static boolean digits(char[] a, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (a[i] < '0' || a[i] > '9') {
        return false;
      }
    }
    return true;
  }

  static int num(char[] a, int off, int len) {
    int v = 0;
    for (int i = off; i < off + len; i++) {
      v = v * 10 + (a[i] - '0');
    }
    return v;
  }

  /** Province-level prefix of GB 11643 / GB/T 2260 (plus 81–83 permits and 91 abroad). */
  static boolean province(char[] a, int off) {
    int p = (a[off] - '0') * 10 + (a[off + 1] - '0');
    return switch (p / 10) {
      case 1 -> p >= 11 && p <= 15;
      case 2 -> p >= 21 && p <= 23;
      case 3 -> p >= 31 && p <= 37;
      case 4 -> p >= 41 && p <= 46;
      case 5 -> p >= 50 && p <= 54;
      case 6 -> p >= 61 && p <= 65;
      case 7 -> p == 71;
      case 8 -> p >= 81 && p <= 83;
      case 9 -> p == 91;
      default -> false;
    };
  }

  /** A valid calendar date {@code yyyymmdd} between 1900-01-01 and today. */
  static boolean birthDate(int y, int m, int d) {
    if (y < 1900 || m < 1 || m > 12 || d < 1 || d > DAYS[m - 1]) {
      return false;
    }
    if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) {
      return false;
    }
    int v = y * 10000 + m * 100 + d;
    if (v > today) {
      today = todayInt();
      return v <= today;
    }
    return true;
  }

  /** 18-char resident ID: province, birth date and the ISO 7064 MOD 11-2 check char. */
  static boolean residentId(char[] a, int off) {
    if (!digits(a, off, 17) || !province(a, off)) {
      return false;
    }
    if (!birthDate(num(a, off + 6, 4), num(a, off + 10, 2), num(a, off + 12, 2))) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (a[off + i] - '0') * ID_WEIGHTS[i];
    }
    char c = a[off + 17];
    return ID_CHECK.charAt(sum % 11) == (c == 'x' ? 'X' : c);
  }

  /** 15-digit legacy resident ID: province and a valid 19yymmdd birth date (no check digit). */
  static boolean residentId15(char[] a, int off) {
    return digits(a, off, 15)
        && province(a, off)
        && birthDate(1900 + num(a, off + 6, 2), num(a, off + 8, 2), num(a, off + 10, 2));
  }

  /** Luhn (mod 10) over {@code len} digits. */
  static boolean luhn(char[] a, int off, int len) {
    int sum = 0;
    boolean dbl = false;
    for (int i = off + len - 1; i >= off; i--) {
      int d = a[i] - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  /**
   * A card number that needs no context: the issuer prefix of a card commonly issued or used in
   * China, at the length that issuer uses. UnionPay (62, 81) at 16–19 digits, Visa, Mastercard and
   * Discover at 16, JCB at 16, American Express at 15. Other Luhn-valid numbers (a 19-digit 4…, a
   * domestic 95… debit card, an 18-digit 3…) are as likely 18/19-digit ids of some system as cards:
   * one random id in ten passes Luhn, so they count as cards only with context ({@code 卡号}, a
   * {@code card_no} column).
   */
  static boolean cardIssuer(char[] a, int off, int len) {
    int d1 = a[off] - '0';
    int d2 = d1 * 10 + (a[off + 1] - '0');
    int d4 = d2 * 100 + (a[off + 2] - '0') * 10 + (a[off + 3] - '0');
    return switch (d1) {
      case 6 -> d2 == 62 || (len == 16 && (d2 == 65 || d2 == 64 || d4 == 6011));
      case 4 -> len == 16; // Visa (co-branded cards of Chinese banks too)
      case 5 -> d2 >= 51 && d2 <= 55 && len == 16; // Mastercard
      case 2 -> d4 >= 2221 && d4 <= 2720 && len == 16; // Mastercard 2-series
      case 3 -> (d2 == 35 && len == 16) || ((d2 == 34 || d2 == 37) && len == 15);
      case 8 -> d2 == 81; // UnionPay's 81 series
      default -> false;
    };
  }

  /** Current CN mobile allocation (libphonenumber CN mobile, 2026-07). 11 digits. */
  static boolean mobile(char[] a, int off) {
    if (a[off] != '1' || !digits(a, off, 11)) {
      return false;
    }
    char b = a[off + 1];
    char c = a[off + 2];
    return switch (b) {
      case '3', '8' -> true;
      case '4' -> c == '5' || c == '7';
      case '5', '9' -> c != '4';
      case '6' -> c == '2' || (c >= '5' && c <= '7') || (c == '1' && a[off + 3] == '0');
      case '7' ->
          (c >= '0' && c <= '3')
              || (c >= '5' && c <= '8')
              || (c == '4' && a[off + 3] == '0' && a[off + 4] >= '0' && a[off + 4] <= '5');
      default -> false;
    };
  }

  /** Area code (with leading 0) of a CN fixed line: 010, 02x, or 0[3-9]xx. */
  static int areaCodeLength(char[] a, int off, int len) {
    if (len < 3 || a[off] != '0') {
      return 0;
    }
    char b = a[off + 1];
    if (b == '1') {
      return a[off + 2] == '0' ? 3 : 0;
    }
    if (b == '2') {
      return 3;
    }
    return b >= '3' && b <= '9' && len >= 4 ? 4 : 0;
  }

  /** GB 32100 unified social credit code: charset and check char. */
  static boolean uscc(char[] a, int off) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = upper(a[off + i]);
      int v = c < 128 ? USCC_VALUE[c] : -1;
      if (v < 0 || (i >= 2 && i < 8 && v > 9)) {
        return false;
      }
      sum += v * USCC_WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return USCC_CHARS.charAt(check) == upper(a[off + 17]);
  }

  /** GB 11714 organisation code: 8 chars [0-9A-Z] and the mod-11 check char (X = 10). */
  static boolean orgCode(char[] a, int off) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      char c = upper(a[off + i]);
      int v;
      if (c >= '0' && c <= '9') {
        v = c - '0';
      } else if (c >= 'A' && c <= 'Z') {
        v = c - 'A' + 10;
      } else {
        return false;
      }
      sum += v * ORG_WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    char want = check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    return upper(a[off + 8]) == want;
  }

  /** HK identity card: one or two letters, six digits, check char (0-9 or A), mod 11. */
  static boolean hkId(char[] a, int off, int letters, char check) {
    int sum = letters == 1 ? 36 * 9 : 0;
    int w = letters == 1 ? 8 : 9;
    for (int i = 0; i < letters; i++) {
      sum += (upper(a[off + i]) - 'A' + 10) * w--;
    }
    for (int i = 0; i < 6; i++) {
      sum += (a[off + letters + i] - '0') * w--;
    }
    int r = (11 - sum % 11) % 11;
    char want = r == 10 ? 'A' : (char) ('0' + r);
    return upper(check) == want;
  }

  private static final int[] TW_LETTERS = {
    10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30,
    31, 33
  };

  /** Taiwan national ID: letter, 1 or 2, 8 digits, weighted check. */
  static boolean twId(char[] a, int off) {
    int code = TW_LETTERS[upper(a[off]) - 'A'];
    int sum = code / 10 + (code % 10) * 9;
    for (int i = 1; i < 9; i++) {
      sum += (a[off + i] - '0') * (9 - i);
    }
    sum += a[off + 9] - '0';
    return sum % 10 == 0;
  }

  static char upper(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
  }
}
