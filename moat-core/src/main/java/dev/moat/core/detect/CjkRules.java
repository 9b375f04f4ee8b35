package dev.moat.core.detect;

/**
 * Rules started by a CJK char: vehicle plates (a province abbreviation followed by a capital
 * letter) and, after a hotword such as 姓名/收件人 or 地址/住址, a Chinese name (surname dictionary) or
 * address (division dictionary or address suffixes). Only the chars in {@link #INTERESTING} reach
 * this class, so ordinary Chinese prose costs one bit test per char.
 */
final class CjkRules {
  private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
  private static final String[] NAME_WORDS = {
    "姓名", "名字", "收件人", "联系人", "收货人", "持卡人", "申请人", "投保人", "被保险人", "经办人", "负责人", "患者", "客户", "户主",
    "乘客", "借款人", "本人"
  };
  private static final String[] ADDRESS_WORDS = {"地址", "住址", "住所", "居住地", "户籍地", "所在地"};
  private static final String NAME_STOP = "电手地身性年联先女男的住号邮证等在和与已于说是为了请您好先生女士同志";
  private static final String ADDRESS_SUFFIX = "省市区县镇乡街路巷弄号栋幢室村道";
  private static final String SEPARATORS = ":=\"' \t是为「【";

  /** Bit {@code c & 63} of word {@code c >>> 6}: {@link #interesting}. */
  static final long[] INTERESTING = new long[1024];

  private static final long[] PROVINCE = new long[1024];
  private static final long[] NAME_END = new long[1024];
  private static final long[] ADDRESS_END = new long[1024];
  private static final int MAX_ADDRESS = 64;
  private static final byte[][] NAME_WORDS_UTF8 = utf8(NAME_WORDS);
  private static final byte[][] ADDRESS_WORDS_UTF8 = utf8(ADDRESS_WORDS);

  static {
    for (int i = 0; i < PROVINCES.length(); i++) {
      set(PROVINCE, PROVINCES.charAt(i));
    }
    for (String w : NAME_WORDS) {
      set(NAME_END, w.charAt(w.length() - 1));
    }
    for (String w : ADDRESS_WORDS) {
      set(ADDRESS_END, w.charAt(w.length() - 1));
    }
    for (int i = 0; i < INTERESTING.length; i++) {
      INTERESTING[i] = PROVINCE[i] | NAME_END[i] | ADDRESS_END[i];
    }
  }

  private static void set(long[] bits, char c) {
    bits[c >>> 6] |= 1L << c;
  }

  private static boolean has(long[] bits, char c) {
    return (bits[c >>> 6] & (1L << c)) != 0;
  }

  private CjkRules() {}

  static boolean interesting(char c) {
    return (INTERESTING[c >>> 6] & (1L << c)) != 0;
  }

  /**
   * Whether {@link #at} can do more than step over the interesting char {@code c} ending at {@code
   * b[e]} in UTF-8: a plate province followed by a capital letter ({@code next}, folded), or the
   * last char of a name or address hotword whose earlier chars precede it. False only when {@link
   * #at} would return {@code i + 1} without emitting.
   */
  static boolean mayMatch(char c, byte[] b, int s, int floor) {
    return (has(NAME_END, c) && endsWord(b, s, floor, NAME_WORDS_UTF8))
        || (has(ADDRESS_END, c) && endsWord(b, s, floor, ADDRESS_WORDS_UTF8));
  }

  /** A plate province: {@link #at} looks further when a capital letter follows. */
  static boolean province(char c) {
    return has(PROVINCE, c);
  }

  /**
   * Whether some word's UTF-8 ends at the CJK char {@code b[s, s + 3)}, compared backwards from the
   * char before it (which almost never matches).
   */
  private static boolean endsWord(byte[] b, int s, int floor, byte[][] words) {
    int e = s + 3;
    for (byte[] w : words) {
      int from = e - w.length;
      if (from < floor) {
        continue;
      }
      int i = w.length - 1;
      while (i >= 0 && b[from + i] == w[i]) {
        i--;
      }
      if (i < 0) {
        return true;
      }
    }
    return false;
  }

  private static byte[][] utf8(String[] words) {
    byte[][] out = new byte[words.length][];
    for (int i = 0; i < words.length; i++) {
      out[i] = words[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    return out;
  }

  /** Handles the interesting char at {@code i}; returns where scanning resumes. */
  static int at(Scan sc, int i) {
    char c = sc.raw(i);
    if (has(PROVINCE, c) && Chars.upper(sc.at(i + 1))) {
      int r = plate(sc, i);
      if (r > 0) {
        return r;
      }
    }
    if (has(NAME_END, c) && endsWord(sc, i, NAME_WORDS) && sc.on(Entities.CN_NAME)) {
      int r = name(sc, skipSeparators(sc, i + 1));
      if (r > 0) {
        return r;
      }
    }
    if (has(ADDRESS_END, c) && endsWord(sc, i, ADDRESS_WORDS) && sc.on(Entities.CN_ADDRESS)) {
      int r = address(sc, skipSeparators(sc, i + 1));
      if (r > 0) {
        return r;
      }
    }
    return i + 1;
  }

  private static boolean endsWord(Scan sc, int i, String[] words) {
    for (String w : words) {
      int s = i - w.length() + 1;
      if (sc.has(s) && w.charAt(w.length() - 1) == sc.a[i] && regionEquals(sc.a, s, w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean regionEquals(char[] a, int s, String w) {
    for (int k = 0; k < w.length(); k++) {
      if (a[s + k] != w.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int skipSeparators(Scan sc, int p) {
    int limit = p + 3;
    while (p < limit && sc.has(p) && SEPARATORS.indexOf(Chars.fold(sc.a[p])) >= 0) {
      p++;
    }
    return p;
  }

  /** Ordinary 7-char and new-energy 8-char plates (GA 36-2018), optional middle dot. */
  private static int plate(Scan sc, int i) {
    if (!sc.on(Entities.CN_PLATE) || !TokenRules.plateLetter(sc.at(i + 1))) {
      return -1;
    }
    int p = i + 2;
    char d = sc.at(p);
    if (d == '·' || d == '•' || d == ' ') {
      p++;
    }
    int q = p;
    int digits = 0;
    while (q - p < 7 && (Chars.digit(sc.at(q)) || TokenRules.plateLetter(sc.at(q)))) {
      digits += Chars.digit(sc.at(q)) ? 1 : 0;
      q++;
    }
    int len = q - p;
    if (Chars.word(sc.at(q))) {
      return -1;
    }
    boolean ok;
    if (len == 6) {
      ok = newEnergy(sc, p);
    } else if (len == 5) {
      ok = digits >= 3;
    } else if (len == 4 && "挂学警港澳".indexOf(sc.at(q)) >= 0) {
      ok = digits >= 3;
      q++;
    } else {
      ok = false;
    }
    if (!ok) {
      return -1;
    }
    sc.validated(Entities.CN_PLATE, i, q, true);
    return q;
  }

  private static boolean newEnergy(Scan sc, int p) {
    String nev = "ABCDEFGHJK";
    boolean tailDigits = true;
    for (int k = 0; k < 5; k++) {
      tailDigits &= Chars.digit(sc.at(p + k));
    }
    if (tailDigits && nev.indexOf(sc.at(p + 5)) >= 0) {
      return true;
    }
    if (nev.indexOf(sc.at(p)) < 0) {
      return false;
    }
    for (int k = 2; k < 6; k++) {
      if (!Chars.digit(sc.at(p + k))) {
        return false;
      }
    }
    return true;
  }

  /** A 2–4 char name after a name hotword, starting with a known surname. */
  static int name(Scan sc, int p) {
    sc.has(p + 1);
    int sn = Dictionaries.surname(sc.a, p, sc.hi);
    if (sn == 0) {
      return -1;
    }
    int q = p + sn;
    int given = 0;
    while (given < 2 && sc.has(q) && Chars.han(sc.a[q]) && NAME_STOP.indexOf(sc.a[q]) < 0) {
      q++;
      given++;
    }
    if (given == 0 || (sc.has(q) && Chars.word(Chars.fold(sc.a[q])))) {
      return -1;
    }
    sc.validated(Entities.CN_NAME, p, q, true);
    return q;
  }

  /** An address after an address hotword: starts with a division name or has two suffixes. */
  static int address(Scan sc, int p) {
    int q = p;
    int suffixes = 0;
    while (q - p < MAX_ADDRESS && sc.has(q)) {
      char c = Chars.fold(sc.a[q]);
      if (Chars.han(c)) {
        if (stopWord(sc, q)) {
          break;
        }
        suffixes += ADDRESS_SUFFIX.indexOf(c) >= 0 ? 1 : 0;
      } else if (!(Chars.word(c) || c == '-' || c == '#')) {
        break;
      }
      q++;
    }
    while (q > p && !Chars.han(sc.a[q - 1]) && !Chars.word(Chars.fold(sc.a[q - 1]))) {
      q--;
    }
    boolean valid = Dictionaries.division(sc.a, p, q) > 0 || suffixes >= 2;
    if (q - p < 5 || !valid) {
      return -1;
    }
    sc.validated(Entities.CN_ADDRESS, p, q, true);
    return q;
  }

  private static boolean stopWord(Scan sc, int q) {
    char c = sc.a[q];
    char d = sc.raw(q + 1);
    return (c == '电' && d == '话')
        || (c == '手' && d == '机')
        || (c == '联' && d == '系')
        || (c == '邮' && (d == '编' || d == '箱'))
        || (c == '姓' && d == '名')
        || (c == '收' && d == '件');
  }
}
