package dev.moat.core.detect;

import java.util.Set;

/**
 * Whole-value rules for structured fields whose name hints at the entity: a bare Chinese name
 * ({@code 张三}), an address, a birth date ({@code 1990-03-07}, {@code 19900307}, {@code 1990年3月7日}).
 * These shapes are too common in prose to report without the field name.
 */
final class FieldRules {
  private FieldRules() {}

  static void wholeValue(Scan sc, Set<String> fe) {
    int s = sc.lo;
    int e = sc.hi;
    while (s < e && Character.isWhitespace(sc.a[s])) {
      s++;
    }
    while (e > s && Character.isWhitespace(sc.a[e - 1])) {
      e--;
    }
    if (s == e || sc.hits.size() > 0) {
      return;
    }
    if (fe.contains(Entities.CN_NAME) && name(sc, s, e)) {
      sc.validated(Entities.CN_NAME, s, e, true);
    } else if (fe.contains(Entities.CN_ADDRESS)) {
      CjkRules.address(sc, s);
    }
    if (fe.contains(Entities.BIRTH_DATE) && birthDate(sc, s, e)) {
      sc.validated(Entities.BIRTH_DATE, s, e, true);
    }
  }

  private static boolean name(Scan sc, int s, int e) {
    int len = e - s;
    if (len < 2 || len > 12 || Dictionaries.surname(sc.a, s, e) == 0) {
      return len >= 3 && len <= 12 && minorityName(sc, s, e);
    }
    if (len > 4) {
      return false;
    }
    for (int i = s; i < e; i++) {
      if (!Chars.han(sc.a[i])) {
        return false;
      }
    }
    return true;
  }

  /** Names of ethnic minorities: Han chars joined by a middle dot ({@code 买买提·艾力}). */
  private static boolean minorityName(Scan sc, int s, int e) {
    boolean dot = false;
    for (int i = s; i < e; i++) {
      char c = sc.a[i];
      if (c == '·' || c == '•') {
        if (i == s || i == e - 1) {
          return false;
        }
        dot = true;
      } else if (!Chars.han(c)) {
        return false;
      }
    }
    return dot;
  }

  private static boolean birthDate(Scan sc, int s, int e) {
    int[] parts = new int[3];
    int count = 0;
    int digits = 0;
    int v = 0;
    for (int i = s; i <= e; i++) {
      char c = i < e ? Chars.fold(sc.a[i]) : '/';
      if (c >= '0' && c <= '9') {
        v = v * 10 + (c - '0');
        digits++;
        if (digits == 8 && count == 0 && e - s == 8) {
          return Validators.birthDate(v / 10000, v / 100 % 100, v % 100);
        }
      } else if (digits > 0 && count < 3 && "-/.年月日".indexOf(c) >= 0) {
        parts[count++] = v;
        v = 0;
        digits = 0;
      } else if (c != '日' && c != '/') {
        return false;
      }
    }
    return count == 3 && parts[0] >= 1000 && Validators.birthDate(parts[0], parts[1], parts[2]);
  }
}
