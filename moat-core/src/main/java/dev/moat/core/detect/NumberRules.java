package dev.moat.core.detect;

/**
 * Rules for runs of digits: resident IDs, mobile and landline numbers, bank cards, all-digit credit
 * codes, IMEIs, organisation codes, plus digit groups separated by single spaces or dashes ({@code
 * 138 1234 5678}, {@code 6222-0212-…}, {@code 010-12345678}) and the {@code +86}/{@code 0086}
 * prefixes. A run inside a longer token ({@code ORD-13812345678}, {@code 13812345678@qq.com}) is
 * never a match.
 */
final class NumberRules {
  private NumberRules() {}

  /** Handles the digit run {@code [s, e)}; returns where scanning resumes. */
  static int digits(Scan sc, int s, int e) {
    char after = sc.at(e);
    int len = e - s;
    if (after == '.' && Chars.digit(sc.at(e + 1))) {
      return NetRules.dotted(sc, s, e);
    }
    if (after == ':' && len <= 4) {
      return NetRules.colon(sc, s);
    }
    if (sc.joinedBefore(s)) {
      return e;
    }
    if (len == 7 && (after == '(' || after == '（')) {
      int r = macauId(sc, s, e);
      if (r > 0) {
        return r;
      }
    }
    if (after == '-' && len == 8) {
      int r = TokenRules.dashedOrgCode(sc, s, e);
      if (r > 0) {
        return r;
      }
    }
    if (after == '-' && len == 2 && Chars.hex(sc.at(e + 1))) {
      int r = NetRules.mac(sc, s);
      if (r > 0) {
        return r;
      }
    }
    if ((after == ' ' || after == '-') && len <= MAX_GROUP && Chars.digit(sc.at(e + 1))) {
      int r = grouped(sc, s, e);
      if (r > 0) {
        return r;
      }
    }
    if (sc.joinedAfter(e) || len < 9 || len > 19) {
      return e;
    }
    single(sc, s, e);
    return e;
  }

  /**
   * A Macau resident ID as printed, {@code 1234567(8)}: 1, 5 or 7, six digits, the check char in
   * brackets. Its check char has no published algorithm, so context decides (detectors.md #13).
   */
  private static int macauId(Scan sc, int s, int e) {
    char first = sc.at(s);
    char check = sc.at(e + 1);
    char close = sc.raw(e + 2);
    if ((first == '1' || first == '5' || first == '7')
        && (Chars.digit(check) || (check >= 'A' && check <= 'Z'))
        && (close == ')' || close == '）')
        && !Chars.word(sc.at(e + 3))
        && sc.on(Entities.MACAU_ID)) {
      sc.weak(Entities.MACAU_ID, s, e + 3);
      return e + 3;
    }
    return -1;
  }

  private static void single(Scan sc, int s, int e) {
    char[] n = sc.n;
    int len = sc.copy(s, e, 0);
    switch (len) {
      case 9 -> {
        if (Validators.orgCode(n, 0)) {
          sc.weak(Entities.CN_ORG_CODE, s, e);
        }
      }
      case 11 -> {
        if (Validators.mobile(n, 0)) {
          sc.validated(Entities.CN_MOBILE, s, e, true);
        } else if (landline(n, 0, len)) {
          sc.weak(Entities.CN_LANDLINE, s, e);
        }
      }
      case 12 -> {
        if (landline(n, 0, len)) {
          sc.weak(Entities.CN_LANDLINE, s, e);
        }
      }
      case 13 -> {
        if (sc.at(s - 1) == '+' && n[0] == '8' && n[1] == '6' && Validators.mobile(n, 2)) {
          sc.validated(Entities.CN_MOBILE, s + 2, e, true);
        }
      }
      case 15 -> fifteen(sc, s, e);
      case 18 -> eighteen(sc, s, e);
      case 16, 17, 19 -> card(sc, s, e, 0, len);
      default -> {}
    }
  }

  /**
   * Whether {@link #single} can emit anything at {@code low} confidence or above for the digits
   * {@code n[0, len)} ({@code before} is the char before them): the same checks, without emitting.
   */
  static boolean singleMayEmit(char[] n, int len, char before, boolean low) {
    return switch (len) {
      case 9 -> Validators.orgCode(n, 0);
      case 11 -> Validators.mobile(n, 0) || landline(n, 0, len);
      case 12 -> landline(n, 0, len);
      case 13 -> before == '+' && n[0] == '8' && n[1] == '6' && Validators.mobile(n, 2);
      case 15 ->
          (n[0] == '0' && n[1] == '0' && n[2] == '8' && n[3] == '6' && Validators.mobile(n, 4))
              || Validators.residentId15(n, 0)
              || Validators.luhn(n, 0, 15);
      case 18 ->
          Validators.residentId(n, 0)
              || (low && idShape(n))
              || usccDigits(n)
              || Validators.luhn(n, 0, 18);
      case 16, 17, 19 -> Validators.luhn(n, 0, len);
      default -> false;
    };
  }

  private static void fifteen(Scan sc, int s, int e) {
    char[] n = sc.n;
    if (n[0] == '0' && n[1] == '0' && n[2] == '8' && n[3] == '6' && Validators.mobile(n, 4)) {
      sc.validated(Entities.CN_MOBILE, s + 4, e, true);
      return;
    }
    if (Validators.residentId15(n, 0)) {
      sc.weak(Entities.CN_RESIDENT_ID_15, s, e);
    }
    if (Validators.luhn(n, 0, 15)) {
      sc.weak(Entities.IMEI, s, e);
      if (Validators.cardIssuer(n, 0, 15)) {
        sc.validated(Entities.BANK_CARD, s, e, true);
      }
    }
  }

  private static void eighteen(Scan sc, int s, int e) {
    char[] n = sc.n;
    if (Validators.residentId(n, 0)) {
      sc.validated(Entities.CN_RESIDENT_ID, s, e, true);
      return;
    }
    if (idShape(n)) {
      // An ID-shaped number (province, 19xx/20xx, month, day) that fails the ID checks is a
      // mistyped ID, not a card or a credit code: 18-digit cards are rare, typos in IDs are not.
      sc.validated(Entities.CN_RESIDENT_ID, s, e, false);
      if (Validators.luhn(n, 0, 18)) {
        sc.weak(Entities.BANK_CARD, s, e);
      }
      return;
    }
    if (usccDigits(n)) {
      sc.validated(Entities.CN_USCC, s, e, true);
      return;
    }
    card(sc, s, e, 0, 18);
  }

  /** Province, then a plausible 19xx/20xx birth date: the layout of a resident ID. */
  static boolean idShape(char[] n) {
    int y = Validators.num(n, 6, 4);
    int m = Validators.num(n, 10, 2);
    int d = Validators.num(n, 12, 2);
    return Validators.province(n, 0)
        && y >= 1900
        && y < 2100
        && m >= 1
        && m <= 12
        && d >= 1
        && d <= 31;
  }

  /**
   * An all-digit credit code: besides the check char, the registration authority and type codes,
   * the province of the admin code and the embedded organisation code's own check digit must be
   * right, because one in 31 random 18-digit numbers passes the check char alone.
   */
  private static boolean usccDigits(char[] n) {
    char t = n[1];
    return n[0] != '0'
        && (t == '1' || t == '2' || t == '3' || t == '9')
        && Validators.province(n, 2)
        && Validators.uscc(n, 0)
        && Validators.orgCode(n, 8);
  }

  private static void card(Scan sc, int s, int e, int off, int len) {
    char[] n = sc.n;
    if (!Validators.luhn(n, off, len)) {
      return;
    }
    if (Validators.cardIssuer(n, off, len)) {
      sc.validated(Entities.BANK_CARD, s, e, true);
    } else {
      sc.weak(Entities.BANK_CARD, s, e);
    }
  }

  /** Unseparated landline: valid area code and a 7–8 digit subscriber number starting 2–8. */
  private static boolean landline(char[] n, int off, int len) {
    int area = Validators.areaCodeLength(n, off, len);
    int rest = len - area;
    return area > 0 && (rest == 7 || rest == 8) && n[off + area] >= '2' && n[off + area] <= '8';
  }

  /**
   * Digit groups separated by single spaces or dashes, starting with the short run {@code [s, e)}.
   * Returns the end of a match, or -1 when the groups form no known layout.
   */
  private static int grouped(Scan sc, int s, int e) {
    int[] gs = sc.groupStart;
    int[] ge = sc.groupEnd;
    gs[0] = s;
    ge[0] = e;
    int count = 1;
    int total = e - s + groupedBefore(sc, s);
    int q = e;
    while (true) {
      char c = sc.at(q);
      if ((c != ' ' && c != '-') || !Chars.digit(sc.at(q + 1))) {
        break;
      }
      if (count == gs.length) {
        return -1;
      }
      int r = q + 1;
      while (Chars.digit(sc.at(r))) {
        r++;
      }
      gs[count] = q + 1;
      ge[count] = r;
      total += r - q - 1;
      count++;
      q = r;
      if (total > MAX_GROUPED) {
        return -1;
      }
    }
    if (sc.joinedAfter(q) || Chars.word(sc.at(q))) {
      return -1;
    }
    char[] n = sc.n;
    int len = 0;
    for (int g = 0; g < count; g++) {
      len = sc.copy(gs[g], ge[g], len);
    }
    switch (layout(n, len, gs, ge, count, sc.at(s - 1) == '+')) {
      case MOBILE -> sc.validated(Entities.CN_MOBILE, gs[0], q, true);
      case MOBILE_86 -> sc.validated(Entities.CN_MOBILE, gs[1], q, true);
      case LANDLINE -> sc.validated(Entities.CN_LANDLINE, s, q, true);
      case ID -> sc.validated(Entities.CN_RESIDENT_ID, s, q, true);
      case CARD -> sc.validated(Entities.BANK_CARD, s, q, true);
      case CARD_WEAK -> sc.weak(Entities.BANK_CARD, s, q);
      default -> {
        return -1;
      }
    }
    return q;
  }

  /**
   * Digits in the groups that come right before {@code s} ({@code 5394 } before {@code 5428}), up
   * to {@value #MAX_GROUPED} + 1: the tail of a long row of numbers is no more a card or a phone
   * number than its head. {@code 2024-01-01 138 0013 8000} has eight digits before the phone
   * number, within the limit.
   */
  private static int groupedBefore(Scan sc, int s) {
    int digits = 0;
    int p = s - 1;
    while ((sc.at(p) == ' ' || sc.at(p) == '-') && Chars.digit(sc.at(p - 1))) {
      int q = p - 1;
      while (Chars.digit(sc.at(q)) && p - q <= MAX_GROUP + 1) {
        q--;
      }
      int len = p - q - 1;
      if (len > MAX_GROUP) {
        return digits; // a long number before: a separate value, not a group of this run
      }
      digits += len;
      if (digits > MAX_GROUPED) {
        return digits;
      }
      p = q;
    }
    return digits;
  }

  /** The longest group that {@link #grouped} starts from. */
  private static final int MAX_GROUP = 6;

  /** The most digits in one run of separated groups (a 19-digit card and a few more). */
  private static final int MAX_GROUPED = 24;

  static final int NONE = 0;
  static final int MOBILE = 1;
  static final int MOBILE_86 = 2;
  static final int LANDLINE = 3;
  static final int ID = 4;
  static final int CARD = 5;
  static final int CARD_WEAK = 6;

  /**
   * What the digit groups {@code gs/ge} (their digits in {@code n[0, len)}) are: {@link #NONE} or
   * the kind of match. {@code plus} says whether a {@code +} comes before the first group.
   */
  static int layout(char[] n, int len, int[] gs, int[] ge, int count, boolean plus) {
    int first = 0;
    int skip = 0;
    int g0 = ge[0] - gs[0];
    if (g0 == 2 && n[0] == '8' && n[1] == '6' && plus) {
      first = 1;
      skip = 2;
    } else if (g0 == 4 && n[0] == '0' && n[1] == '0' && n[2] == '8' && n[3] == '6') {
      first = 1;
      skip = 4;
    }
    int d = len - skip;
    if (d == 11 && Validators.mobile(n, skip) && mobileGrouping(gs, ge, count, first)) {
      return first == 0 ? MOBILE : MOBILE_86;
    }
    if (first > 0) {
      return NONE;
    }
    int area = Validators.areaCodeLength(n, 0, len);
    if (area == g0 && (d - area == 7 || d - area == 8) && n[area] >= '2' && n[area] <= '8') {
      return LANDLINE;
    }
    if (d == 18 && Validators.residentId(n, 0)) {
      return ID;
    }
    if (d >= 15 && d <= 19 && cardGrouping(gs, ge, count) && Validators.luhn(n, 0, d)) {
      return Validators.cardIssuer(n, 0, d) ? CARD : CARD_WEAK;
    }
    return NONE;
  }

  /**
   * A mobile number is split, if at all, after its third and seventh digit ({@code 138 1234 5678},
   * {@code 138-12345678}, {@code 1381234 5678}): {@code 18 154 450 144} (a row of a table) and
   * {@code 1-816-555-1212} (a North American number) are other groupings of eleven digits.
   */
  private static boolean mobileGrouping(int[] gs, int[] ge, int count, int first) {
    int at = 0;
    for (int g = first; g < count - 1; g++) {
      at += ge[g] - gs[g];
      if (at != 3 && at != 7) {
        return false;
      }
    }
    return true;
  }

  /**
   * Card numbers are printed in groups of four (the last one shorter) or as 4-6-4 / 4-6-5; other
   * groupings of the same digits (hex dumps, byte lists, version tuples) are not cards.
   */
  private static boolean cardGrouping(int[] gs, int[] ge, int count) {
    if (count == 1) {
      return true;
    }
    if (count == 3 && ge[0] - gs[0] == 4 && ge[1] - gs[1] == 6) {
      int last = ge[2] - gs[2];
      if (last == 4 || last == 5) {
        return true;
      }
    }
    for (int g = 0; g < count - 1; g++) {
      if (ge[g] - gs[g] != 4) {
        return false;
      }
    }
    int last = ge[count - 1] - gs[count - 1];
    return last >= 1 && last <= 4;
  }
}
