package dev.moat.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Category;
import dev.moat.testing.PersonalData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ColumnClassifierTest {
  private static final ColumnClassifier CLASSIFIER = ColumnClassifier.standard();

  static ColumnSample column(String name, List<Map<String, String>> rows, String from) {
    List<String> values = new ArrayList<>();
    rows.forEach(r -> values.add(r.get(from)));
    return new ColumnSample(name, null, null, values);
  }

  @Test
  void classify_generatedPeople_everyColumnAsExpected() {
    List<Map<String, String>> rows = PersonalData.rows(100, 42);
    Map<String, String> got = new LinkedHashMap<>();
    Map<String, String> want = new LinkedHashMap<>();
    for (var e : PersonalData.EXPECTED.entrySet()) {
      Classification c = CLASSIFIER.classify(column(e.getKey(), rows, e.getKey()), 100);
      got.put(e.getKey(), String.valueOf(c.entity()));
      want.put(e.getKey(), String.valueOf(e.getValue()));
    }
    assertThat(got).isEqualTo(want);
  }

  @Test
  void classify_crypticNameWithIds_isSensitiveWithHighConfidence() {
    Classification c = CLASSIFIER.classify(column("c1", PersonalData.rows(50, 7), "id_card"), 50);
    assertThat(c.entity()).isEqualTo("CN_RESIDENT_ID");
    assertThat(c.category()).isEqualTo(Category.SENSITIVE_PI);
    assertThat(c.hitRate()).isGreaterThan(0.9);
    assertThat(c.examples()).allSatisfy(x -> assertThat(x).contains("*"));
  }

  @Test
  void classify_mobileNameWithDeviceModels_isNothing() {
    Classification c =
        CLASSIFIER.classify(column("mobile", PersonalData.rows(50, 7), "phone_model"), 50);
    assertThat(c.entity()).isNull();
  }

  @Test
  void classify_manySensitiveRows_levelImportant() {
    Classification c =
        CLASSIFIER.classify(column("sfzh", PersonalData.rows(20, 3), "sfzh"), 20_000_000L);
    assertThat(c.level().id()).isEqualTo("important");
  }

  @Test
  void classify_passwordHashesUnderCrypticName_credentialFullyMasked() {
    Classification c = CLASSIFIER.classify(column("f2", PersonalData.rows(20, 3), "password"), 20);
    assertThat(c.entity()).isEqualTo("CREDENTIAL");
    assertThat(c.examples()).containsOnly("******");
  }

  @Test
  void nameHints_tokens_splitCamelSnakeAndDigits() {
    assertThat(NameHints.tokens("IDCardNo")).containsExactly("id", "card", "no");
    assertThat(NameHints.tokens("user_phone2")).containsExactly("user", "phone", "2");
    assertThat(NameHints.standard().lookup("phone_model", null)).isEmpty();
    assertThat(NameHints.standard().lookup("f_07", "手机号码")).isPresent();
  }
}
