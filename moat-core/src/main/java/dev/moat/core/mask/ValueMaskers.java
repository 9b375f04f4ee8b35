package dev.moat.core.mask;

/** Entity-shaped maskers: e-mail, IP, GPS, name, address, date → year. Each is idempotent. */
final class ValueMaskers {
  private static final Masker LOCAL = new KeepMasker(1, 0);
  private static final Masker SECRET = new KeepMasker(4, 0);
  private static final String DISTRICT_ENDS = "省市区县旗州盟";

  private ValueMaskers() {}

  /** First char of the local part (none for a one-char local part), {@code *}s, {@code @domain}. */
  static String email(String v) {
    int at = v.lastIndexOf('@');
    if (at <= 0) {
      return LOCAL.mask(v);
    }
    String local = v.substring(0, at);
    int n = local.codePointCount(0, local.length());
    StringBuilder b = new StringBuilder(v.length());
    if (n > 1) {
      b.appendCodePoint(local.codePointAt(0));
    }
    b.append("*".repeat(n > 1 ? n - 1 : 1));
    return b.append(v, at, v.length()).toString();
  }

  /** PEM headers carry no secret and stay readable; keys and tokens keep their 4-char prefix. */
  static String secret(String v) {
    return v.startsWith("-----") ? v : SECRET.mask(v);
  }

  /** IPv4 keeps the first two octets ({@code 192.168.*.*}); IPv6 the first two groups. */
  static String ip(String v) {
    char sep = v.indexOf(':') >= 0 ? ':' : '.';
    // The parts between separators (empty ones too): the first two and empty ones stay, every
    // other part becomes one '*'.
    int n = v.length();
    char[] out = new char[n];
    int o = 0;
    int part = 0;
    int start = 0;
    for (int i = 0; i <= n; i++) {
      if (i < n && v.charAt(i) != sep) {
        continue;
      }
      if (part < 2 || i == start) {
        v.getChars(start, i, out, o);
        o += i - start;
      } else {
        out[o++] = '*';
      }
      if (i < n) {
        out[o++] = sep;
      }
      part++;
      start = i + 1;
    }
    return new String(out, 0, o);
  }

  /** Each coordinate rounded down to two decimals (≈ 1 km). */
  static String gps(String v) {
    StringBuilder b = new StringBuilder(v.length());
    int decimals = -1;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '.') {
        decimals = 0;
        b.append(c);
      } else if (c >= '0' && c <= '9' && decimals >= 0) {
        if (decimals++ < 2) {
          b.append(c);
        }
      } else {
        if (!(c >= '0' && c <= '9')) {
          decimals = -1;
        }
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Keeps the surname: the first char, or two for four-char names (compound surnames). */
  static String name(String v) {
    int n = v.codePointCount(0, v.length());
    return new KeepMasker(n >= 4 ? 2 : 1, 0).mask(v);
  }

  /** Keeps the address up to the district (last 省/市/区/县… in the first 12 chars). */
  static String address(String v) {
    int keep = 0;
    for (int i = 0; i < Math.min(12, v.length()); i++) {
      if (DISTRICT_ENDS.indexOf(v.charAt(i)) >= 0) {
        keep = i + 1;
      }
    }
    if (keep == 0) {
      keep = Math.min(3, v.length() / 3);
    }
    char[] out = new char[v.length()];
    v.getChars(0, keep, out, 0);
    int o = keep;
    for (int i = keep; i < v.length(); i++) {
      if (!Character.isLowSurrogate(v.charAt(i))) {
        out[o++] = '*';
      }
    }
    return new String(out, 0, o);
  }

  /** The year of a date; the value unchanged when it has no 4-digit year. */
  static String year(String v) {
    int run = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c >= '0' && c <= '9') {
        run++;
        if (run == 4) {
          boolean cn = i + 1 < v.length() && v.charAt(i + 1) == '年';
          return v.substring(i - 3, i + 1) + (cn ? "年" : "");
        }
      } else {
        run = 0;
      }
    }
    return v;
  }
}
