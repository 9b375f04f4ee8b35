package dev.moat.discover;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Value-shape rules for entities that no checksum can prove: Chinese names (surname dictionary),
 * addresses (administrative unit + street token), birth dates, amounts, password hashes and health
 * terms. Whether a shape alone is enough, or needs a column-name hint too, is decided by {@link
 * ColumnClassifier}.
 */
final class Shapes {
  private static final Pattern HAN_NAME = Pattern.compile("[\\u4e00-\\u9fff]{2,4}");
  private static final Pattern MINORITY_NAME =
      Pattern.compile("[\\u4e00-\\u9fff]{1,6}·[\\u4e00-\\u9fff]{1,8}");
  private static final Pattern ADMIN = Pattern.compile("省|市|自治区|区|县|旗|州");
  private static final Pattern STREET = Pattern.compile("路|街|道|巷|弄|号|村|镇|乡|小区|栋|幢|单元|室|大厦|花园|公寓");
  private static final Pattern DATE =
      Pattern.compile(
          "(19|20)\\d{2}[-/.年]?(0?[1-9]|1[0-2])[-/.月]?(0?[1-9]|[12]\\d|3[01])日?"
              + "([ T]00:00(:00(\\.0+)?)?)?");
  private static final Pattern AMOUNT =
      Pattern.compile("[-+]?[¥￥$]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,4})?(元|万元)?");
  private static final Pattern PASSWORD_HASH =
      Pattern.compile(
          "\\$2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{53}|\\$argon2(id|i|d)\\$.+|pbkdf2_\\w+\\$.+"
              + "|\\{(SSHA|SHA|SMD5|MD5|CRYPT)\\}.+|\\$[156]\\$[^$]+\\$.+|\\$sm3\\$.+");
  private static final Pattern HEX_DIGEST =
      Pattern.compile("[0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64}|[0-9a-fA-F]{128}");
  private static final Pattern ICD10 = Pattern.compile("[A-TV-Z]\\d{2}(\\.\\d{1,2})?");
  private static final Pattern HEALTH_TERMS =
      Pattern.compile(
          "高血压|糖尿病|冠心病|心脏病|哮喘|肺炎|胃炎|肝炎|乙肝|结核|肿瘤|癌|白血病|骨折|抑郁|焦虑症|精神分裂"
              + "|艾滋|HIV|阳性|阴性|过敏|术后|发热|贫血|脑梗|中风|痛风|甲亢|肾炎|怀孕|妊娠|血型|[ABO]B?型血");

  private static final Set<String> SURNAMES = loadSurnames();

  private Shapes() {}

  private static Set<String> loadSurnames() {
    try (InputStream in = Shapes.class.getResourceAsStream("surnames.txt")) {
      if (in == null) {
        throw new IllegalStateException("surnames.txt missing from the classpath");
      }
      Set<String> s = new HashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.startsWith("#")) {
          for (String w : line.trim().split("\\s+")) {
            if (!w.isEmpty()) {
              s.add(w);
            }
          }
        }
      }
      return Set.copyOf(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean name(String v) {
    String s = v.trim();
    if (MINORITY_NAME.matcher(s).matches()) {
      return true;
    }
    if (!HAN_NAME.matcher(s).matches()) {
      return false;
    }
    if (s.length() >= 3 && SURNAMES.contains(s.substring(0, 2))) {
      return true;
    }
    return SURNAMES.contains(s.substring(0, 1));
  }

  static boolean address(String v) {
    String s = v.trim();
    return s.length() >= 6
        && s.length() <= 120
        && han(s) * 2 >= s.length()
        && ADMIN.matcher(s).find()
        && STREET.matcher(s).find();
  }

  static boolean date(String v) {
    return DATE.matcher(v.trim()).matches();
  }

  static boolean amount(String v) {
    return AMOUNT.matcher(v.trim()).matches();
  }

  /** Unmistakable password-hash formats (bcrypt, argon2, PBKDF2, LDAP, crypt, SM3). */
  static boolean passwordHash(String v) {
    return PASSWORD_HASH.matcher(v.trim()).matches();
  }

  static boolean hexDigest(String v) {
    return HEX_DIGEST.matcher(v.trim()).matches();
  }

  static boolean health(String v) {
    String s = v.trim();
    return HEALTH_TERMS.matcher(s).find() || ICD10.matcher(s).matches();
  }

  private static int han(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN) {
        n++;
      }
    }
    return n;
  }
}
