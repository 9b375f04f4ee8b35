package dev.moat.core.detect;

import java.util.random.RandomGenerator;

/** Seeded generators of valid identifiers and of near-miss negatives, for {@link LabeledCorpus}. */
public final class Values {
  static final String[] PROVINCES = {
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
    "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"
  };
  static final String[] SEGMENTS = {
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145", "147", "150",
        "151",
    "152", "153", "155", "156", "157", "158", "159", "162", "165", "166", "167", "170", "171",
        "172",
    "173", "175", "176", "177", "178", "180", "181", "182", "183", "184", "185", "186", "187",
        "188",
    "189", "190", "191", "192", "193", "195", "196", "197", "198", "199"
  };
  private static final int[] ID_W = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] USCC_W = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };
  private static final int[] ORG_W = {3, 7, 9, 10, 5, 8, 4, 2};

  private final RandomGenerator r;

  public Values(RandomGenerator r) {
    this.r = r;
  }

  String digits(int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('0' + r.nextInt(10)));
    }
    return b.toString();
  }

  <T> T pick(T[] a) {
    return a[r.nextInt(a.length)];
  }

  int between(int lo, int hi) {
    return lo + r.nextInt(hi - lo + 1);
  }

  static char idCheck(String s17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (s17.charAt(i) - '0') * ID_W[i];
    }
    return "10X98765432".charAt(sum % 11);
  }

  String birth() {
    int y = between(1940, 2015);
    int m = between(1, 12);
    int d = between(1, 28);
    return String.format("%04d%02d%02d", y, m, d);
  }

  String residentId() {
    String s17 = pick(PROVINCES) + digits(4) + birth() + digits(3);
    return s17 + idCheck(s17);
  }

  /** A Gansu (62…) ID that also passes Luhn: must be reported as an ID, not a card. */
  String gansuIdPassingLuhn() {
    while (true) {
      String s17 = "62" + digits(4) + birth() + digits(3);
      String id = s17 + idCheck(s17);
      if (id.charAt(17) != 'X' && luhnValid(id)) {
        return id;
      }
    }
  }

  String idWrongCheck() {
    String id = residentId();
    char c = id.charAt(17);
    char wrong = c == '0' ? '1' : c == 'X' ? '0' : (char) (c == '9' ? '0' : c + 1);
    return id.substring(0, 17) + wrong;
  }

  String idBadDate() {
    String s17 = pick(PROVINCES) + digits(4) + between(1950, 2000) + "0230" + digits(3);
    return s17 + idCheck(s17);
  }

  String mobile() {
    return pick(SEGMENTS) + digits(8);
  }

  static boolean luhnValid(String s) {
    int sum = 0;
    boolean dbl = false;
    for (int i = s.length() - 1; i >= 0; i--) {
      int d = s.charAt(i) - '0';
      if (dbl) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  static char luhnCheck(String body) {
    for (char c = '0'; c <= '9'; c++) {
      if (luhnValid(body + c)) {
        return c;
      }
    }
    throw new AssertionError();
  }

  String bankCard() {
    String body =
        "62"
            + pick(new String[] {"2202", "1700", "2588", "1483", "2848"})
            + digits(r.nextBoolean() ? 9 : 12);
    return body + luhnCheck(body);
  }

  String cardWrongLuhn() {
    String c = bankCard();
    char last = c.charAt(c.length() - 1);
    return c.substring(0, c.length() - 1) + (char) (last == '9' ? '0' : last + 1);
  }

  static char orgCheck(String s8) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      char c = s8.charAt(i);
      sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * ORG_W[i];
    }
    int v = 11 - sum % 11;
    return v == 10 ? 'X' : v == 11 ? '0' : (char) ('0' + v);
  }

  static char usccCheck(String s17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += USCC.indexOf(s17.charAt(i)) * USCC_W[i];
    }
    return USCC.charAt((31 - sum % 31) % 31);
  }

  String orgCode() {
    String s8 = r.nextBoolean() ? digits(8) : "MA" + alnum(6);
    return s8 + orgCheck(s8);
  }

  String uscc() {
    String s17 =
        pick(new String[] {"91", "92", "11", "12", "51", "52"})
            + pick(PROVINCES)
            + digits(4)
            + orgCode();
    return s17 + usccCheck(s17);
  }

  String usccWrongCheck() {
    String u = uscc();
    int i = USCC.indexOf(u.charAt(17));
    return u.substring(0, 17) + USCC.charAt((i + 1) % 31);
  }

  private String alnum(int n) {
    String cs = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(cs.charAt(r.nextInt(cs.length())));
    }
    return b.toString();
  }

  String upperAlnum(int n) {
    String cs = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(cs.charAt(r.nextInt(cs.length())));
    }
    return b.toString();
  }

  String landline() {
    return pick(
            new String[] {
              "010", "020", "021", "022", "023", "025", "027", "028", "0571", "0755", "0512", "0731"
            })
        + "-"
        + between(2, 8)
        + digits(7);
  }

  String email() {
    String[] users = {
      "zhangwei", "li.na", "wang_fang", "liu.yang88", "chen-jie", "yang.min", "sun2020"
    };
    String[] domains = {
      "163.com", "qq.com", "126.com", "sina.cn", "example.com.cn", "corp.moat.dev", "gmail.com"
    };
    return pick(users) + between(1, 999) + "@" + pick(domains);
  }

  String ipv4() {
    // public unicast: the private, loopback and documentation ranges need context (NetRules)
    int a = PUBLIC_FIRST_OCTETS[r.nextInt(PUBLIC_FIRST_OCTETS.length)];
    return a + "." + between(0, 255) + "." + between(0, 255) + "." + between(1, 254);
  }

  /**
   * First octets of public IPv4 space (among them China's 58, 59, 60, 61, 101, 112–125, 180–183).
   */
  private static final int[] PUBLIC_FIRST_OCTETS = {
    1, 8, 14, 27, 36, 39, 42, 49, 58, 59, 60, 61, 101, 106, 110, 111, 112, 113, 114, 115, 116, 117,
    118, 119, 120, 121, 122, 123, 124, 125, 139, 140, 171, 175, 180, 182, 183, 202, 210, 211, 218,
    219, 220, 221, 222, 223
  };

  String ipv6() {
    return r.nextBoolean()
        ? "240e:3b4:"
            + Integer.toHexString(between(256, 65535))
            + "::"
            + Integer.toHexString(between(1, 65535))
        : String.format(
            "fe80:0:0:0:%x:%x:%x:%x",
            between(256, 65535), between(1, 65535), between(1, 65535), between(1, 65535));
  }

  String mac() {
    char sep = r.nextBoolean() ? ':' : '-';
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      if (i > 0) {
        b.append(sep);
      }
      b.append(String.format("%02X", between(i == 0 ? 1 : 0, 255)));
    }
    return b.toString();
  }

  String plate() {
    String prov = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    char p = prov.charAt(r.nextInt(prov.length()));
    char l = letters.charAt(r.nextInt(letters.length()));
    if (r.nextInt(4) == 0) {
      return "" + p + l + "D" + digits(5);
    }
    return "" + p + l + letters.charAt(r.nextInt(letters.length())) + digits(4);
  }

  String passport() {
    return (r.nextBoolean() ? "E" : "G") + digits(8);
  }

  String imei() {
    String body = "86" + digits(12);
    return body + luhnCheck(body);
  }

  String gps() {
    return String.format("%.6f, %.6f", 20 + r.nextDouble() * 25, 100 + r.nextDouble() * 25);
  }

  String awsKey() {
    return "AKIA" + upperAlnum(16);
  }

  String name() {
    String[] sur = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "欧阳", "司马"};
    String given = "伟芳娜敏静丽强磊军洋艳勇杰娟涛明超秀霞平刚桂英华玉萍红";
    StringBuilder b = new StringBuilder(pick(sur));
    int n = between(1, 2);
    for (int i = 0; i < n; i++) {
      b.append(given.charAt(r.nextInt(given.length())));
    }
    return b.toString();
  }

  String address() {
    String[][] places = {
      {"北京市", "海淀区"},
      {"上海市", "浦东新区"},
      {"广东省深圳市", "南山区"},
      {"浙江省杭州市", "西湖区"},
      {"四川省成都市", "武侯区"},
      {"湖北省武汉市", "洪山区"}
    };
    String[] roads = {"中关村大街", "科技园路", "文三路", "人民南路", "珞喻路", "世纪大道"};
    String[] p = pick(places);
    return p[0]
        + p[1]
        + pick(roads)
        + between(1, 999)
        + "号"
        + between(1, 30)
        + "栋"
        + between(101, 2505)
        + "室";
  }
}
