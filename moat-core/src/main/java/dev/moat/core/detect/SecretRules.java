package dev.moat.core.detect;

/**
 * Secrets: PEM private-key headers ({@code -----BEGIN … PRIVATE KEY-----}), cloud access key ids
 * (AWS {@code AKIA…}/{@code ASIA…}, Alibaba {@code LTAI…}, Tencent {@code AKID…}), GitHub tokens
 * ({@code ghp_…}) and JWTs ({@code eyJ….eyJ….sig}). Each shape is distinctive, so a shape match is
 * MEDIUM and a hotword makes it HIGH; a PEM header is HIGH on its own.
 */
final class SecretRules {
  /** Longest JWT considered; longer ones are still reported, cut at this length. */
  static final int MAX_JWT = 4096;

  private SecretRules() {}

  /** Returns the end of a secret starting at the run {@code [s, e)}, or -1. */
  static int token(Scan sc, int s, int e, int f) {
    if (!sc.on(Entities.SECRET_KEY)) {
      return -1;
    }
    char c0 = sc.at(s);
    int len = e - s;
    switch (c0) {
      case 'B' -> {
        return len == 5 ? pem(sc, s, e) : -1;
      }
      case 'e' -> {
        return len >= 10 && sc.at(s + 1) == 'y' && sc.at(s + 2) == 'J' ? jwt(sc, s) : -1;
      }
      case 'A' -> {
        boolean aws = len == 20 && (startsWith(sc, s, "AKIA") || startsWith(sc, s, "ASIA"));
        boolean tencent = len == 36 && startsWith(sc, s, "AKID");
        return (aws && (f & Chars.LOWER) == 0) || tencent ? key(sc, s, e) : -1;
      }
      case 'L' -> {
        return len >= 16 && len <= 30 && startsWith(sc, s, "LTAI") ? key(sc, s, e) : -1;
      }
      case 'g' -> {
        return len == 3 && sc.at(s + 1) == 'h' && sc.at(e) == '_' ? github(sc, s, e) : -1;
      }
      default -> {
        return -1;
      }
    }
  }

  private static int key(Scan sc, int s, int e) {
    if (sc.joinedBefore(s) || sc.joinedAfter(e)) {
      return -1;
    }
    sc.validated(Entities.SECRET_KEY, s, e, true);
    return e;
  }

  private static int github(Scan sc, int s, int e) {
    if ("pousr".indexOf(sc.at(s + 2)) < 0) {
      return -1;
    }
    int p = e + 1;
    while (Chars.word(sc.at(p))) {
      p++;
    }
    if (p - e - 1 != 36) {
      return -1;
    }
    sc.validated(Entities.SECRET_KEY, s, p, true);
    return p;
  }

  /** {@code -----BEGIN [RSA |EC |OPENSSH |ENCRYPTED ]PRIVATE KEY-----}: the header is reported. */
  private static int pem(Scan sc, int s, int e) {
    if (!startsWith(sc, s, "BEGIN") || !startsWith(sc, s - 5, "-----")) {
      return -1;
    }
    int p = e;
    int limit = e + 40;
    while (p < limit && sc.has(p) && sc.at(p) != '-' && sc.at(p) != '\n') {
      p++;
    }
    if (p - 11 < e || !startsWith(sc, p - 11, "PRIVATE KEY") || !startsWith(sc, p, "-----")) {
      return -1;
    }
    sc.emit(Entities.SECRET_KEY, s - 5, p + 5, Confidence.HIGH);
    return p + 5;
  }

  private static int jwt(Scan sc, int s) {
    int p = segment(sc, s);
    if (p - s < 10 || sc.at(p) != '.' || !startsWith(sc, p + 1, "eyJ")) {
      return -1;
    }
    int q = segment(sc, p + 1);
    if (q - p < 10 || sc.at(q) != '.') {
      return -1;
    }
    int t = segment(sc, q + 1);
    int end = Math.min(t, s + MAX_JWT);
    sc.validated(Entities.SECRET_KEY, s, end, true);
    return t;
  }

  private static int segment(Scan sc, int p) {
    while (true) {
      char c = sc.at(p);
      if (!(Chars.word(c) || c == '-' || c == '_')) {
        return p;
      }
      p++;
    }
  }

  static boolean startsWith(Scan sc, int p, String s) {
    for (int i = 0; i < s.length(); i++) {
      if (sc.at(p + i) != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
