package dev.moat.core.detect;

/**
 * Rules for runs that contain ASCII letters: resident IDs ending in X, credit codes, passports,
 * permits, HK and Taiwan IDs, organisation codes; hex runs followed by {@code :}, {@code -} or
 * {@code .} go to {@link NetRules}, key-shaped runs to {@link SecretRules}.
 */
final class TokenRules {
  private TokenRules() {}

  /** Handles the run {@code [s, e)} with class bits {@code f}; returns where scanning resumes. */
  static int token(Scan sc, int s, int e, int f) {
    if ((f & Chars.DIGIT) == 0 && (f & Chars.NONHEX) != 0) {
      // Letters only, not all hex: only a PEM header, a JWT, a cloud key id or a GitHub token.
      char c0 = sc.at(s);
      if (c0 != 'B' && c0 != 'e' && c0 != 'g' && c0 != 'A' && c0 != 'L') {
        return e;
      }
    }
    int r = SecretRules.token(sc, s, e, f);
    if (r > 0) {
      return r;
    }
    int len = e - s;
    char after = sc.at(e);
    if ((f & Chars.NONHEX) == 0) {
      if (after == ':' && len <= 4) {
        return NetRules.colon(sc, s);
      }
      if (after == '-' && len == 2) {
        r = NetRules.mac(sc, s);
        if (r > 0) {
          return r;
        }
      }
      if (after == '.' && len == 4) {
        r = NetRules.cisco(sc, s);
        if (r > 0) {
          return r;
        }
      }
    }
    if ((f & Chars.DIGIT) == 0 || len < 7 || len > 18 || sc.joinedBefore(s)) {
      return e;
    }
    if (after == '-' && len == 8) {
      r = dashedOrgCode(sc, s, e);
      if (r > 0) {
        return r;
      }
    }
    if (after == '(' || after == '（') {
      return hkIdParen(sc, s, e);
    }
    if (sc.joinedAfter(e)) {
      return e;
    }
    sc.copy(s, e, 0);
    switch (len) {
      case 18 -> eighteen(sc, s, e);
      case 9 -> nine(sc, s, e);
      case 11 -> {
        if (letterThenDigits(sc.n, "HM", 11)) {
          sc.weak(Entities.HK_MACAU_PERMIT, s, e);
        }
      }
      case 10 -> {
        char[] n = sc.n;
        if (Chars.upper(n[0]) && (n[1] == '1' || n[1] == '2') && Validators.digits(n, 1, 9)) {
          sc.validated(Entities.TW_ID, s, e, Validators.twId(n, 0));
        }
      }
      case 8 -> hkIdBare(sc, s, e, 1);
      default -> {}
    }
    return e;
  }

  private static void eighteen(Scan sc, int s, int e) {
    char[] n = sc.n;
    if ((n[17] == 'X' || n[17] == 'x') && Validators.digits(n, 0, 17)) {
      if (Validators.residentId(n, 0)) {
        sc.validated(Entities.CN_RESIDENT_ID, s, e, true);
        return;
      }
      if (NumberRules.idShape(n)) {
        sc.validated(Entities.CN_RESIDENT_ID, s, e, false);
        return;
      }
    }
    if (Validators.uscc(n, 0) && Validators.province(n, 2)) {
      sc.validated(Entities.CN_USCC, s, e, true);
    }
  }

  private static void nine(Scan sc, int s, int e) {
    char[] n = sc.n;
    char c0 = n[0];
    if (letterThenDigits(n, "EG", 9)
        || (c0 == 'E' && plateLetter(n[1]) && Validators.digits(n, 2, 7))
        || ((c0 == 'D' || c0 == 'S' || c0 == 'P') && n[1] == 'E' && Validators.digits(n, 2, 7))) {
      sc.weak(Entities.CN_PASSPORT, s, e);
    } else if (letterThenDigits(n, "HM", 9)) {
      sc.weak(Entities.HK_MACAU_PERMIT, s, e);
    } else if ((c0 == 'C' && (Chars.digit(n[1]) || plateLetter(n[1])) && Validators.digits(n, 2, 7))
        || letterThenDigits(n, "L", 9)) {
      sc.weak(Entities.MAINLAND_TRAVEL_PERMIT, s, e);
    } else if (!hkIdBare(sc, s, e, 2) && upperAlnum(n, 9) && Validators.orgCode(n, 0)) {
      sc.weak(Entities.CN_ORG_CODE, s, e);
    }
  }

  /** Organisation code written {@code 12345678-9}; returns its end or -1. */
  static int dashedOrgCode(Scan sc, int s, int e) {
    char check = sc.at(e + 1);
    if (!(Chars.digit(check) || check == 'X')
        || Chars.word(sc.at(e + 2))
        || sc.joinedAfter(e + 2)) {
      return -1;
    }
    char[] n = sc.n;
    sc.copy(s, e, 0);
    n[8] = check;
    if (!upperAlnum(n, 9) || !Validators.orgCode(n, 0)) {
      return -1;
    }
    sc.weak(Entities.CN_ORG_CODE, s, e + 2);
    return e + 2;
  }

  /** {@code A123456(7)}: one or two letters, six digits, then the check char in brackets. */
  private static int hkIdParen(Scan sc, int s, int e) {
    int len = e - s;
    char close = sc.at(e + 2);
    if ((len != 7 && len != 8) || (close != ')' && sc.a[Math.min(e + 2, sc.hi - 1)] != '）')) {
      return e;
    }
    char[] n = sc.n;
    sc.copy(s, e, 0);
    int letters = len - 6;
    char check = sc.at(e + 1);
    if (uppers(n, letters)
        && Validators.digits(n, letters, 6)
        && (Chars.digit(check) || check == 'A')
        && !Chars.word(sc.at(e + 3))) {
      sc.validated(Entities.HK_ID, s, e + 3, Validators.hkId(n, 0, letters, check));
      return e + 3;
    }
    return e;
  }

  /** {@code A1234567} without brackets: weaker, so the check must pass and context decides. */
  private static boolean hkIdBare(Scan sc, int s, int e, int letters) {
    char[] n = sc.n;
    char check = n[letters + 6];
    if (uppers(n, letters)
        && Validators.digits(n, letters, 6)
        && (Chars.digit(check) || check == 'A')
        && Validators.hkId(n, 0, letters, check)) {
      sc.weak(Entities.HK_ID, s, e);
      return true;
    }
    return false;
  }

  private static boolean uppers(char[] n, int count) {
    for (int i = 0; i < count; i++) {
      if (n[i] < 'A' || n[i] > 'Z') {
        return false;
      }
    }
    return true;
  }

  private static boolean upperAlnum(char[] n, int len) {
    for (int i = 0; i < len; i++) {
      char c = n[i];
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean letterThenDigits(char[] n, String letters, int len) {
    return letters.indexOf(n[0]) >= 0 && Validators.digits(n, 1, len - 1);
  }

  /** Capital letters used in serial numbers: no I or O. */
  static boolean plateLetter(char c) {
    return c >= 'A' && c <= 'Z' && c != 'I' && c != 'O';
  }
}
