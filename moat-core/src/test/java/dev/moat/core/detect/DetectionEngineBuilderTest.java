package dev.moat.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moat.core.Category;
import dev.moat.core.Level;
import dev.moat.core.classify.DataClasses;
import java.util.List;
import org.junit.jupiter.api.Test;

final class DetectionEngineBuilderTest {

  @Test
  void entities_filter_reportsOnlyThose() {
    DetectionEngine e = DetectionEngine.builder().entities(List.of(Entities.CN_MOBILE)).build();

    assertThat(e.find("110105199003071239 13812345678"))
        .extracting(Match::entity)
        .containsExactly(Entities.CN_MOBILE);
  }

  @Test
  void entities_unknownId_rejectedOnBuild() {
    assertThatThrownBy(() -> DetectionEngine.builder().entities(List.of("NOPE")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NOPE");
  }

  @Test
  void minConfidence_high_dropsMatchesWithoutContext() {
    DetectionEngine e = DetectionEngine.builder().minConfidence(Confidence.HIGH).build();

    assertThat(e.find("13812345678" + " ".repeat(30) + "手机13912345678"))
        .extracting(Match::value)
        .containsExactly("13912345678");
  }

  @Test
  void standard_isMediumByDefault() {
    assertThat(DetectionEngine.standard().find("SKU E12345678")).isEmpty();
    assertThat(DetectionEngine.standard().find("护照 E12345678")).hasSize(1);
  }

  @Test
  void addCustom_regexWithValidatorAndHotword_matchesAndClassifies() {
    DetectionEngine e =
        DetectionEngine.builder()
            .addCustom(
                "EMPLOYEE_CARD",
                "EC\\d{16}",
                "luhn",
                List.of("工卡"),
                Category.SENSITIVE_PI,
                Level.IMPORTANT)
            .build();

    List<Match> m = e.find("工卡 EC6217001234567893 and EC6217001234567894");

    assertThat(m)
        .extracting(Match::entity, Match::value, Match::confidence)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "EMPLOYEE_CARD", "EC6217001234567893", Confidence.HIGH));
    assertThat(DataClasses.of("EMPLOYEE_CARD").level()).isEqualTo(Level.IMPORTANT);
  }

  @Test
  void addCustom_withoutValidator_isMedium() {
    DetectionEngine e =
        DetectionEngine.builder()
            .addCustom("TICKET", "TK-\\d{6}", null, List.of(), Category.OTHER, Level.GENERAL)
            .build();

    assertThat(e.find("see TK-123456"))
        .singleElement()
        .satisfies(m -> assertThat(m.confidence()).isEqualTo(Confidence.MEDIUM));
  }

  @Test
  void addCustom_invalidRegex_namesPattern() {
    assertThatThrownBy(
            () ->
                DetectionEngine.builder()
                    .addCustom("X", "([a-z", null, List.of(), Category.PI, Level.GENERAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("([a-z");
  }

  @Test
  void addCustom_unknownValidator_rejected() {
    assertThatThrownBy(
            () ->
                DetectionEngine.builder()
                    .addCustom("X", "\\d+", "crc32", List.of(), Category.PI, Level.GENERAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("crc32");
  }

  @Test
  void findInField_fieldNameRaisesConfidence() {
    DetectionEngine e = DetectionEngine.standard();

    assertThat(e.findInField("sfzh", "110105199003071239"))
        .singleElement()
        .satisfies(m -> assertThat(m.confidence()).isEqualTo(Confidence.HIGH));
    assertThat(e.findInField("remark", "110105199003071239"))
        .singleElement()
        .satisfies(m -> assertThat(m.confidence()).isEqualTo(Confidence.MEDIUM));
  }

  @Test
  void findInField_passportColumn_isHighWithoutHotwordInValue() {
    assertThat(DetectionEngine.standard().findInField("passport_no", "E12345678"))
        .singleElement()
        .satisfies(m -> assertThat(m.confidence()).isEqualTo(Confidence.HIGH));
  }

  @Test
  void findInField_nameColumn_findsBareName() {
    DetectionEngine e = DetectionEngine.standard();

    assertThat(e.findInField("xm", "张三")).extracting(Match::entity).containsExactly("CN_NAME");
    assertThat(e.findInField("customer_name", "买买提·艾力"))
        .extracting(Match::value)
        .containsExactly("买买提·艾力");
    assertThat(e.findInField("xm", "高度")).extracting(Match::entity).containsExactly("CN_NAME");
    assertThat(e.findInField("remark", "张三")).isEmpty();
    assertThat(e.findInField("xm", "Zhang")).isEmpty();
  }

  @Test
  void findInField_addressAndBirthDate() {
    DetectionEngine e = DetectionEngine.standard();

    assertThat(e.findInField("jtdz", "浙江省杭州市西湖区文三路90号"))
        .extracting(Match::entity)
        .containsExactly("CN_ADDRESS");
    assertThat(e.findInField("csrq", "1990年3月7日"))
        .extracting(Match::entity)
        .containsExactly("BIRTH_DATE");
    assertThat(e.findInField("csrq", "1990-02-30")).isEmpty();
  }

  @Test
  void find_overlapsResolved_idBeatsCardAndOffsetsPointIntoOriginal() {
    String text = "ＩＤ：620102199003071109";

    assertThat(DetectionEngine.standard().find(text))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.entity()).isEqualTo(Entities.CN_RESIDENT_ID);
              assertThat(text.substring(m.start(), m.end())).isEqualTo("620102199003071109");
            });
  }
}
