package dev.moat.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import net.datafaker.Faker;
import net.datafaker.providers.base.Finance;
import org.junit.jupiter.api.Test;

/**
 * Independent positives from a third-party generator (datafaker, zh_CN): resident IDs, mobile
 * numbers (national and +86 forms, with datafaker's spacing) and UnionPay cards (dashed groups),
 * each in bare, prose and JSON settings, through each way into the engine ({@link Paths}).
 */
final class DatafakerCorpusTest {
  private static final int N = 2000;
  private final Faker faker = new Faker(Locale.SIMPLIFIED_CHINESE, new Random(42));
  private final DetectionEngine engine = DetectionEngine.standard();

  @Test
  void find_datafakerResidentIds_allFoundAsIds() {
    assertAllFound(Entities.CN_RESIDENT_ID, () -> faker.idNumber().valid());
  }

  @Test
  void find_datafakerMobiles_allFound() {
    assertAllFound(Entities.CN_MOBILE, () -> faker.phoneNumber().cellPhone());
  }

  @Test
  void find_datafakerInternationalMobiles_foundWithoutCountryCode() {
    List<String> missed = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      String intl = faker.phoneNumber().cellPhoneInternational();
      String national = intl.substring(intl.indexOf(' ') + 1);
      for (Paths path : Paths.values()) {
        List<Match> m = path.find(engine, "call " + intl + " now");
        if (m.size() != 1 || !m.get(0).value().equals(national)) {
          missed.add(path + ": " + intl + " → " + m);
        }
      }
    }
    assertThat(missed).isEmpty();
  }

  @Test
  void find_datafakerUnionPayCards_allFound() {
    assertAllFound(
        Entities.BANK_CARD, () -> faker.finance().creditCard(Finance.CreditCardType.UNIONPAY));
  }

  private void assertAllFound(String entity, Supplier<String> values) {
    List<String> missed = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      String v = values.get();
      String[] texts = {v, "客户资料 " + v + " 已核实", "{\"k\":\"" + v + "\",\"t\":1735689600000}"};
      for (String t : texts) {
        for (Paths path : Paths.values()) {
          List<Match> m = path.find(engine, t);
          if (m.size() != 1 || !m.get(0).entity().equals(entity) || !m.get(0).value().equals(v)) {
            missed.add(path + ": " + t + " → " + m);
          }
        }
      }
    }
    assertThat(missed).isEmpty();
  }
}
