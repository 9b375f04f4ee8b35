package dev.moat.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;
import net.datafaker.providers.base.Finance;
import org.jspecify.annotations.Nullable;

/**
 * Generated personal data (datafaker zh_CN) for discovery tests, under honest column names ({@code
 * id_card}, {@code mobile}), pinyin ({@code sfzh}, {@code shouji}, {@code xingming}), cryptic ones
 * ({@code c1}, {@code f_07}) and misleading ones ({@code phone_model} with device names, {@code
 * order_no} with 20-digit order numbers, {@code created_ts} with millisecond timestamps, {@code
 * remark} with free text). {@link #EXPECTED} says what each column must be classified as.
 */
public final class PersonalData {
  /** Column → expected entity id, or null for columns that hold no personal data. */
  public static final Map<String, @Nullable String> EXPECTED = expected();

  private static final List<String> PROVINCES =
      List.of("广东省", "江苏省", "浙江省", "山东省", "河南省", "四川省", "湖北省", "湖南省");
  private static final List<String> DISTRICTS =
      List.of("海淀区", "天河区", "鼓楼区", "西湖区", "武侯区", "江汉区", "岳麓区", "历下区");
  private static final List<String> DIAGNOSES =
      List.of("高血压", "2型糖尿病", "急性上呼吸道感染", "慢性胃炎", "冠心病", "支气管哮喘", "过敏性鼻炎");
  private static final List<String> REMARKS =
      List.of(
          "客户要求周末配送",
          "已电话回访，满意",
          "发票抬头待确认",
          "老客户，享受九折",
          "包装破损，已补发",
          "请放门卫处",
          "需开增值税专用发票",
          "与销售沟通后改为月结");

  private PersonalData() {}

  private static Map<String, @Nullable String> expected() {
    Map<String, @Nullable String> m = new LinkedHashMap<>();
    m.put("id_card", "CN_RESIDENT_ID");
    m.put("mobile", "CN_MOBILE");
    m.put("sfzh", "CN_RESIDENT_ID");
    m.put("shouji", "CN_MOBILE");
    m.put("xingming", "CN_NAME");
    m.put("c1", "CN_RESIDENT_ID");
    m.put("f_07", "CN_MOBILE");
    m.put("dizhi", "CN_ADDRESS");
    m.put("kahao", "BANK_CARD");
    m.put("email", "EMAIL");
    m.put("zhenduan", "HEALTH");
    m.put("salary", "FINANCIAL");
    m.put("password", "CREDENTIAL");
    m.put("csrq", "BIRTH_DATE");
    m.put("phone_model", null);
    m.put("order_no", null);
    m.put("created_ts", null);
    m.put("remark", null);
    return Collections.unmodifiableMap(m);
  }

  /**
   * The column list of a table for these rows: every column of {@link #EXPECTED} as {@code type}.
   */
  public static String columns(String type) {
    List<String> cols = new ArrayList<>();
    EXPECTED.keySet().forEach(k -> cols.add(k + " " + type));
    return String.join(", ", cols);
  }

  /**
   * Inserts {@link #rows rows(n, seed)} into {@code table}, which has (at least) the columns of
   * {@link #EXPECTED} as text columns, in one batch.
   */
  public static void insert(Connection c, String table, int n, long seed) throws SQLException {
    String names = String.join(", ", EXPECTED.keySet());
    String marks = String.join(", ", Collections.nCopies(EXPECTED.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")")) {
      for (Map<String, String> row : rows(n, seed)) {
        int i = 1;
        for (String v : row.values()) {
          ps.setString(i++, v);
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** {@code n} rows, column name → value, columns in {@link #EXPECTED} order. */
  public static List<Map<String, String>> rows(int n, long seed) {
    Random r = new Random(seed);
    Faker zh = new Faker(Locale.SIMPLIFIED_CHINESE, r);
    Faker en = new Faker(Locale.ENGLISH, r);
    List<Map<String, String>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("id_card", zh.idNumber().valid());
      row.put("mobile", zh.phoneNumber().cellPhone().replace(" ", ""));
      row.put("sfzh", zh.idNumber().valid());
      row.put("shouji", zh.phoneNumber().cellPhone());
      row.put("xingming", zh.name().name().replace(" ", ""));
      row.put("c1", zh.idNumber().valid());
      row.put("f_07", zh.phoneNumber().cellPhone().replace(" ", ""));
      row.put(
          "dizhi",
          pick(r, PROVINCES)
              + zh.address().city()
              + "市"
              + pick(r, DISTRICTS)
              + zh.address().streetAddress());
      row.put("kahao", en.finance().creditCard(Finance.CreditCardType.UNIONPAY).replace("-", ""));
      row.put("email", en.internet().emailAddress());
      row.put("zhenduan", pick(r, DIAGNOSES));
      row.put(
          "salary", String.format(Locale.ROOT, "%d.%02d", 3000 + r.nextInt(40000), r.nextInt(100)));
      row.put("password", bcrypt(r));
      row.put(
          "csrq",
          String.format(
              Locale.ROOT,
              "%d-%02d-%02d",
              1950 + r.nextInt(55),
              1 + r.nextInt(12),
              1 + r.nextInt(28)));
      row.put("phone_model", en.device().modelName());
      row.put("order_no", orderNo(r));
      row.put("created_ts", Long.toString(1_600_000_000_000L + (long) (r.nextDouble() * 1e11)));
      row.put("remark", pick(r, REMARKS) + "。" + en.lorem().sentence());
      out.add(row);
    }
    return out;
  }

  private static String pick(Random r, List<String> l) {
    return l.get(r.nextInt(l.size()));
  }

  private static String orderNo(Random r) {
    StringBuilder sb = new StringBuilder("2026");
    for (int i = 0; i < 16; i++) {
      sb.append(r.nextInt(10));
    }
    return sb.toString();
  }

  private static String bcrypt(Random r) {
    String alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder("$2a$10$");
    for (int i = 0; i < 53; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
