package dev.moat.core.detect;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A seeded generator of labeled text: mixed Chinese and English prose, log lines, JSON and CSV.
 * Each record plants one true entity (with the context a real document would have) and, for that
 * entity, one confounder of every kind listed in detectors.md §2.1/2.2, each separated from the
 * entity by neutral filler. The same seed gives the same corpus.
 */
public final class LabeledCorpus {
  /** A planted true entity: {@code text.substring(start, end)} is its value. */
  public record Label(String entity, int start, int end) {}

  /** Generated text and its labels, in text order. */
  public record Doc(String text, List<Label> labels) {}

  private static final String[] ZH_FILLER = {
    "今天的会议讨论了下季度的工作安排", "系统运行平稳没有发现异常", "请各部门按时提交材料", "天气晴朗适合出行",
    "项目进度符合预期", "这是一段普通的说明文字", "本周完成了代码评审", "欢迎大家提出宝贵意见"
  };
  private static final String[] EN_FILLER = {
    "the build finished without errors", "we reviewed the quarterly plan",
        "nothing unusual was seen",
    "please submit the report by friday", "the weather is fine today",
        "this is an ordinary sentence"
  };

  private final Values v;
  private final SplittableRandom r;
  private final StringBuilder text = new StringBuilder();
  private final List<Label> labels = new ArrayList<>();

  private LabeledCorpus(long seed) {
    this.r = new SplittableRandom(seed);
    this.v = new Values(r);
  }

  /** About {@code chars} chars of corpus from {@code seed}, with labels. */
  public static Doc generate(long seed, int chars) {
    LabeledCorpus c = new LabeledCorpus(seed);
    while (c.text.length() < chars) {
      c.record();
    }
    return new Doc(c.text.toString(), List.copyOf(c.labels));
  }

  /** Writes about {@code chars} chars of corpus to {@code out} (labels are not kept). */
  public static void write(long seed, long chars, Writer out) throws IOException {
    LabeledCorpus c = new LabeledCorpus(seed);
    long written = 0;
    while (written < chars) {
      c.text.setLength(0);
      c.labels.clear();
      for (int i = 0; i < 64; i++) {
        c.record();
      }
      out.append(c.text);
      written += c.text.length();
    }
  }

  private void plain(String s) {
    text.append(s);
  }

  private void label(String entity, String value) {
    int s = text.length();
    text.append(value);
    labels.add(new Label(entity, s, text.length()));
  }

  private void filler() {
    plain(r.nextBoolean() ? " " + v.pick(EN_FILLER) + ". " : "，" + v.pick(ZH_FILLER) + "。");
    plain(v.pick(ZH_FILLER) + "，" + v.pick(EN_FILLER) + "。 ");
  }

  /** One record: a true entity in one of five layouts, then its confounders. */
  private void record() {
    int kind = r.nextInt(18);
    int layout = r.nextInt(5);
    switch (kind) {
      case 0, 1, 2 -> entity(layout, Entities.CN_RESIDENT_ID, "身份证号", "id_card", v.residentId());
      case 3, 4 -> mobile(layout);
      case 5 -> entity(layout, Entities.BANK_CARD, "银行卡号", "card_no", card());
      case 6 -> entity(layout, Entities.CN_USCC, "统一社会信用代码", "uscc", v.uscc());
      case 7 -> entity(layout, Entities.CN_LANDLINE, "座机", "tel", v.landline());
      case 8 -> entity(layout, Entities.EMAIL, "邮箱", "email", v.email());
      case 9 -> entity(layout, Entities.IPV4, "登录IP", "client_ip", v.ipv4());
      case 10 -> entity(layout, Entities.MAC, "MAC地址", "mac", v.mac());
      case 11 -> entity(layout, Entities.CN_PLATE, "车牌号", "plate", v.plate());
      case 12 -> entity(layout, Entities.CN_PASSPORT, "护照号码", "passport", v.passport());
      case 13 -> entity(layout, Entities.IMEI, "IMEI", "imei", v.imei());
      case 14 -> entity(layout, Entities.GPS, "坐标", "location", v.gps());
      case 15 -> entity(layout, Entities.SECRET_KEY, "access key", "aws_access_key_id", v.awsKey());
      case 16 -> entity(layout, Entities.IPV6, "IPv6地址", "ipv6", v.ipv6());
      default -> nameAndAddress();
    }
    confounders(kind);
    plain("\n");
  }

  private String card() {
    String c = v.bankCard();
    return r.nextBoolean() ? c : c.replaceAll("(\\d{4})(?=\\d)", "$1 ");
  }

  private void entity(int layout, String entity, String zh, String key, String value) {
    switch (layout) {
      case 0 -> {
        plain("客户资料：" + zh + "为");
        label(entity, value);
        plain("，已核实。");
      }
      case 1 -> {
        plain("Customer record, " + zh + " " + key + ": ");
        label(entity, value);
        plain(". ");
      }
      case 2 -> {
        plain(
            "2026-11-28T10:00:0"
                + r.nextInt(10)
                + "Z INFO request_id="
                + v.digits(6)
                + " "
                + key
                + "=");
        label(entity, value);
        plain(" status=200");
      }
      case 3 -> {
        plain("{\"" + key + "\":\"");
        label(entity, value);
        plain("\",\"ts\":" + (1735689600000L + r.nextInt(1_000_000)) + "}");
      }
      default -> {
        plain("seq," + key + ",remark\n" + r.nextInt(1000) + ",");
        label(entity, value);
        plain(",ok");
      }
    }
  }

  private void mobile(int layout) {
    String m = v.mobile();
    String shown =
        switch (r.nextInt(4)) {
          case 0 -> m.substring(0, 3) + " " + m.substring(3, 7) + " " + m.substring(7);
          case 1 -> m.substring(0, 3) + "-" + m.substring(3, 7) + "-" + m.substring(7);
          default -> m;
        };
    if (r.nextInt(4) == 0) {
      plain("+86 ");
    }
    entity(layout, Entities.CN_MOBILE, "手机", "mobile", shown);
  }

  private void nameAndAddress() {
    plain("收件人：");
    label(Entities.CN_NAME, v.name());
    plain("，地址：");
    label(Entities.CN_ADDRESS, v.address());
    plain("，请尽快发货。");
  }

  /** Confounders for the entity of {@code kind}, plus the generic ones every record gets. */
  private void confounders(int kind) {
    List<Function<Values, String>> c = new ArrayList<>();
    switch (kind) {
      case 0, 1, 2, 5 -> {
        c.add(x -> "校验位错误的编号 " + x.idWrongCheck());
        c.add(x -> "日期无效的编号 " + x.idBadDate());
        c.add(x -> "trace " + ("1" + x.digits(18)));
        c.add(x -> "订单号 2024" + x.digits(14));
        c.add(x -> "流水 9" + x.residentId().replace('X', '1') + "7");
        c.add(x -> "sn " + x.cardWrongLuhn());
        c.add(x -> "运单 SF" + x.digits(12));
        c.add(x -> "trade 2024" + x.digits(12));
      }
      case 3, 4 -> {
        c.add(x -> "created " + (1735689600000L + x.between(0, 999_999)));
        c.add(x -> "ORD-" + x.mobile() + " shipped");
        c.add(x -> "ref 88" + x.mobile() + "01");
        c.add(x -> "号段无效 12" + x.digits(9));
        c.add(x -> "QQ群 " + x.between(10000000, 999999999));
      }
      case 6 -> {
        c.add(x -> "代码 " + x.usccWrongCheck());
        c.add(x -> "batch 2024" + x.digits(14));
      }
      case 7 -> {
        c.add(x -> "服务热线 400-" + x.digits(3) + "-" + x.digits(4));
        c.add(x -> "toll free 800-" + x.digits(3) + "-" + x.digits(4));
        c.add(x -> "date 2024-0" + x.between(1, 9) + "-1" + x.between(0, 9));
        c.add(x -> "amount 1,234,567.89 CNY");
        c.add(x -> "short code 955" + x.digits(2));
      }
      case 8 -> {
        c.add(x -> "icon@2x.png");
        c.add(x -> "@Override public void run()");
        c.add(x -> "npm i @faker-js/faker");
        c.add(x -> "git clone git@github.com:moat/moat.git");
        c.add(x -> "root@localhost");
        c.add(x -> "@微博昵称 转发");
      }
      case 9, 16 -> {
        c.add(
            x ->
                "version "
                    + x.between(1, 9)
                    + "."
                    + x.between(0, 20)
                    + "."
                    + x.between(0, 9)
                    + "."
                    + x.between(0, 99));
        c.add(x -> "OID 1.3.6.1.4.1." + x.between(1, 9999));
        c.add(x -> "section 3.1.2." + x.between(1, 9));
        c.add(x -> "2024.01." + x.between(10, 31));
        c.add(x -> "at 12:" + x.between(10, 59) + ":" + x.between(10, 59) + " the job ran");
        c.add(x -> "std::vector<int> v");
      }
      case 10 -> {
        c.add(x -> "00:00:00:00:00:00");
        c.add(x -> "time 12:30:45:" + x.between(10, 99));
      }
      case 11 -> {
        c.add(x -> "粤B2B电商");
        c.add(x -> "京A1");
      }
      case 12 -> {
        c.add(x -> "SKU E" + x.digits(8) + " 库存 " + x.between(1, 99));
        c.add(x -> "part H" + x.digits(8) + " shipped");
      }
      case 13 -> c.add(x -> "order " + x.imei());
      case 14 -> c.add(x -> "price 12.5, 30.25 and score 98.5,97.25");
      case 15 -> {
        c.add(x -> "AKIA" + x.upperAlnum(15));
        c.add(x -> "eyJhbGciOiJIUzI1NiJ9");
      }
      default -> {
        c.add(x -> "高度重视方法和周期");
        c.add(x -> "北京欢迎你，上海科技有限公司");
      }
    }
    for (Function<Values, String> f : c) {
      filler();
      plain(f.apply(v) + " ");
    }
    filler();
  }
}
