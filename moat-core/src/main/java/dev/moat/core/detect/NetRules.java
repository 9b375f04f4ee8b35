package dev.moat.core.detect;

/**
 * Rules for network and location values: e-mail (real IANA TLD), IPv4, IPv6, MAC (colon, dash and
 * Cisco dot forms) and GPS coordinate pairs. Version strings, OIDs, times and decimals fall out by
 * structure or by the words before them.
 */
final class NetRules {
  private static final int MAX_LOCAL = 64;
  private static final int MAX_DOMAIN = 255;
  private static final String[] VERSION_WORDS = {"version", "ver", "release", "build", "版本", "v"};

  private NetRules() {}

  private static boolean localChar(char c) {
    return Chars.word(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }

  /** E-mail around the {@code @} at {@code at}; returns where scanning resumes. */
  static int email(Scan sc, int at) {
    int s = at;
    while (sc.has(s - 1) && localChar(sc.at(s - 1))) {
      s--;
      if (at - s > MAX_LOCAL) {
        return at + 1;
      }
    }
    if (s == at || sc.at(s) == '.' || sc.at(at - 1) == '.') {
      return at + 1;
    }
    int p = at + 1;
    int labels = 0;
    int lastLabel = -1;
    int prevLabel = -1;
    int end = -1;
    while (true) {
      int q = p;
      while (Chars.word(sc.at(q)) || (q > p && sc.at(q) == '-')) {
        q++;
      }
      if (q == p || sc.at(q - 1) == '-') {
        break;
      }
      labels++;
      prevLabel = lastLabel;
      lastLabel = p;
      end = q;
      if (sc.at(q) == '.' && Chars.word(sc.at(q + 1)) && q - at < MAX_DOMAIN) {
        p = q + 1;
      } else {
        break;
      }
    }
    if (labels < 2 || end - at > MAX_DOMAIN) {
      return Math.max(at + 1, end);
    }
    char next = sc.at(end);
    if (next == ':' || next == '@' || next == '-' || next == '_' || Chars.word(next)) {
      return end;
    }
    if (!sc.on(Entities.EMAIL) || !Tlds.contains(sc, lastLabel, end)) {
      return end;
    }
    // example.com, .net and .org (RFC 2606) name nobody: documentation, not personal data
    boolean example = labels == 2 && lastLabel - prevLabel == 8 && word(sc, prevLabel, "example");
    sc.validated(Entities.EMAIL, s, end, !example);
    return end;
  }

  /** Whether {@code sc[p..]} is {@code w} (lower case, ASCII) ignoring case. */
  private static boolean word(Scan sc, int p, String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = sc.at(p + i);
      if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != w.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** A digit run at {@code s} followed by {@code .} and a digit: IPv4, a GPS pair, or neither. */
  static int dotted(Scan sc, int s, int runEnd) {
    int p = s;
    int parts = 0;
    boolean ip = true;
    boolean allShort = true;
    int a = 0;
    int b = 0;
    int c = 0;
    while (true) {
      int q = p;
      while (Chars.digit(sc.at(q))) {
        q++;
      }
      int len = q - p;
      if (len == 0) {
        break;
      }
      parts++;
      int v = octet(sc, p, q);
      if (len > 3 || (len > 1 && sc.at(p) == '0') || v > 255) {
        ip = false;
      }
      if (parts == 1) {
        a = v;
      } else if (parts == 2) {
        b = v;
      } else if (parts == 3) {
        c = v;
      }
      allShort &= len == 1;
      p = q;
      if (sc.at(q) == '.' && Chars.digit(sc.at(q + 1))) {
        p = q + 1;
      } else {
        break;
      }
    }
    boolean boundary = !Chars.word(sc.at(p)) && !Chars.word(sc.at(s - 1)) && sc.at(s - 1) != '.';
    if (ip && parts == 4 && boundary && sc.on(Entities.IPV4) && !versionBefore(sc, s)) {
      int range = ipv4Range(a, b, c);
      if (range == PRIVATE && !allShort) {
        sc.weak(Entities.IPV4, s, p);
      } else {
        sc.validated(Entities.IPV4, s, p, !allShort && range == PUBLIC);
      }
      return p;
    }
    if (parts == 2 && boundary) {
      int r = gps(sc, s, p);
      if (r > 0) {
        return r;
      }
    }
    return Math.max(p, runEnd);
  }

  private static final int PUBLIC = 0;
  private static final int PRIVATE = 1;
  private static final int SPECIAL = 2;

  /**
   * The kind of IPv4 address {@code a.b.c.x}. {@link #SPECIAL}: addresses that name no one's device
   * (this network 0/8, loopback 127/8, multicast and reserved 224/3 with the broadcast address and
   * netmasks, the documentation nets 192.0.2/24, 198.51.100/24 and 203.0.113/24); {@link #PRIVATE}:
   * RFC 1918, shared 100.64/10 and link-local 169.254/16, which need context to count
   * (detectors.md: lower confidence for private, loopback and documentation ranges).
   */
  private static int ipv4Range(int a, int b, int c) {
    if (a == 0 || a == 127 || a >= 224) {
      return SPECIAL;
    }
    if ((a == 192 && b == 0 && c == 2)
        || (a == 198 && b == 51 && c == 100)
        || (a == 203 && b == 0 && c == 113)) {
      return SPECIAL;
    }
    if (a == 10
        || (a == 172 && b >= 16 && b <= 31)
        || (a == 192 && b == 168)
        || (a == 100 && b >= 64 && b <= 127)
        || (a == 169 && b == 254)) {
      return PRIVATE;
    }
    return PUBLIC;
  }

  private static int octet(Scan sc, int p, int q) {
    int v = 0;
    for (int i = p; i < q && i < p + 4; i++) {
      v = v * 10 + (sc.at(i) - '0');
    }
    return v;
  }

  private static boolean versionBefore(Scan sc, int s) {
    sc.has(s - 12);
    int lo = Math.max(sc.lo, s - 12);
    for (String w : VERSION_WORDS) {
      int from = s - w.length();
      for (int p = from; p >= lo && p >= from - 3; p--) {
        if (regionIgnoreCase(sc, p, w)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean regionIgnoreCase(Scan sc, int p, String w) {
    return word(sc, p, w) && !Chars.word(sc.at(p - 1));
  }

  /** {@code lat, lon} or {@code lon, lat}, 4+ decimals each; validated inside China's box. */
  private static int gps(Scan sc, int s, int e) {
    if (!sc.on(Entities.GPS)) {
      return -1;
    }
    int decimals1 = decimals(sc, s, e);
    int p = e;
    while (sc.at(p) == ' ') {
      p++;
    }
    if (sc.at(p) != ',' || decimals1 < 4) {
      return -1;
    }
    p++;
    while (sc.at(p) == ' ') {
      p++;
    }
    int t = p;
    if (sc.at(t) == '-') {
      t++;
    }
    int q = t;
    while (Chars.digit(sc.at(q))) {
      q++;
    }
    if (q - t < 1 || q - t > 3 || sc.at(q) != '.' || !Chars.digit(sc.at(q + 1))) {
      return -1;
    }
    q++;
    while (Chars.digit(sc.at(q))) {
      q++;
    }
    int decimals2 = decimals(sc, p, q);
    if (decimals2 < 4 || Chars.word(sc.at(q)) || (sc.at(q) == '.' && Chars.digit(sc.at(q + 1)))) {
      return -1;
    }
    int start = sc.at(s - 1) == '-' ? s - 1 : s;
    double x = parse(sc, start, e);
    double y = parse(sc, p, q);
    boolean china = inChina(x, y) || inChina(y, x);
    boolean world =
        (Math.abs(x) <= 90 && Math.abs(y) <= 180) || (Math.abs(y) <= 90 && Math.abs(x) <= 180);
    if (!world) {
      return -1;
    }
    sc.validated(Entities.GPS, start, q, china && decimals1 >= 5 && decimals2 >= 5);
    return q;
  }

  private static boolean inChina(double lat, double lon) {
    return lat >= 3.8 && lat <= 53.6 && lon >= 73.5 && lon <= 135.1;
  }

  private static int decimals(Scan sc, int s, int e) {
    for (int i = s; i < e; i++) {
      if (sc.at(i) == '.') {
        return e - i - 1;
      }
    }
    return 0;
  }

  private static double parse(Scan sc, int s, int e) {
    StringBuilder b = new StringBuilder(e - s);
    for (int i = s; i < e; i++) {
      b.append(sc.at(i));
    }
    return Double.parseDouble(b.toString());
  }

  /** Six two-hex-digit groups separated by {@code :} or {@code -}, or a colon-form IPv6. */
  static int colon(Scan sc, int s) {
    int r = mac(sc, s);
    if (r > 0) {
      return r;
    }
    return ipv6(sc, s);
  }

  /** MAC in colon or dash form starting at {@code s}; returns its end or -1. */
  static int mac(Scan sc, int s) {
    char sep = sc.at(s + 2);
    if (sep != ':' && sep != '-') {
      return -1;
    }
    boolean zero = true;
    boolean ones = true;
    for (int g = 0; g < 6; g++) {
      int p = s + g * 3;
      char h = sc.at(p);
      char l = sc.at(p + 1);
      if (!Chars.hex(h) || !Chars.hex(l) || (g < 5 && sc.at(p + 2) != sep)) {
        return -1;
      }
      zero &= h == '0' && l == '0';
      ones &= (h == 'f' || h == 'F') && (l == 'f' || l == 'F');
    }
    int end = s + 17;
    char next = sc.at(end);
    if (Chars.word(next) || next == sep || sc.at(s - 1) == sep || zero || ones) {
      return -1;
    }
    sc.validated(Entities.MAC, s, end, true);
    return end;
  }

  /** Cisco form {@code 001a.2b3c.4d5e}. */
  static int cisco(Scan sc, int s) {
    for (int g = 0; g < 3; g++) {
      int p = s + g * 5;
      for (int i = 0; i < 4; i++) {
        if (!Chars.hex(sc.at(p + i))) {
          return -1;
        }
      }
      if (g < 2 && sc.at(p + 4) != '.') {
        return -1;
      }
    }
    int end = s + 14;
    if (Chars.word(sc.at(end)) || sc.at(end) == '.' || sc.at(s - 1) == '.') {
      return -1;
    }
    sc.validated(Entities.MAC, s, end, true);
    return end;
  }

  private static int ipv6(Scan sc, int s) {
    int p = s;
    int groups = 0;
    boolean compressed = false;
    boolean longGroup = false;
    int end = s;
    boolean digit = false;
    int first = -1;
    int second = -1;
    while (true) {
      int q = p;
      while (Chars.hex(sc.at(q)) && q - p < 5) {
        digit |= Chars.digit(sc.at(q));
        q++;
      }
      int len = q - p;
      if (len > 0 && len <= 4) {
        if (groups == 0) {
          first = hexValue(sc, p, q);
        } else if (groups == 1 && !compressed) {
          second = hexValue(sc, p, q);
        }
      }
      if (len == 0 || len > 4) {
        if (len > 4) {
          return skip(sc, s);
        }
        break;
      }
      groups++;
      longGroup |= len >= 3;
      end = q;
      if (sc.at(q) != ':') {
        break;
      }
      if (sc.at(q + 1) == ':') {
        if (compressed) {
          return skip(sc, s);
        }
        compressed = true;
        end = q + 2;
        p = q + 2;
      } else {
        p = q + 1;
      }
    }
    char next = sc.at(end);
    char prev = sc.at(s - 1);
    // an address has a decimal digit somewhere: C++ scopes (A::b, c::add_request) have none
    boolean ok =
        (compressed ? groups <= 7 && groups >= 2 && longGroup : groups == 8)
            && digit
            && !Chars.word(next)
            && next != ':'
            && next != '_'
            && !(next == '.' && Chars.hex(sc.at(end + 1)))
            && prev != ':'
            && prev != '_'
            && !Chars.word(prev);
    if (ok && sc.on(Entities.IPV6)) {
      // 0000::/8 (loopback, unspecified, IPv4-mapped written out), multicast ff00::/8 and the
      // documentation prefix 2001:db8::/32 name no one's device
      boolean special = first < 0x100 || first >= 0xff00 || (first == 0x2001 && second == 0xdb8);
      sc.validated(Entities.IPV6, s, end, !special);
      return end;
    }
    return skip(sc, s);
  }

  private static int hexValue(Scan sc, int p, int q) {
    int v = 0;
    for (int i = p; i < q; i++) {
      v = v << 4 | Character.digit(sc.at(i), 16);
    }
    return v;
  }

  private static int skip(Scan sc, int s) {
    int p = s;
    while (Chars.hex(sc.at(p))) {
      p++;
    }
    return Math.max(p, s + 1);
  }
}
