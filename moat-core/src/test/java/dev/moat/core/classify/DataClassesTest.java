package dev.moat.core.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moat.core.Category;
import dev.moat.core.Level;
import dev.moat.core.detect.Entities;
import org.junit.jupiter.api.Test;

final class DataClassesTest {

  @Test
  void of_builtIns_followReferenceTable() {
    assertThat(DataClasses.of(Entities.CN_RESIDENT_ID))
        .isEqualTo(new DataClass(Entities.CN_RESIDENT_ID, Category.SENSITIVE_PI, Level.GENERAL));
    assertThat(DataClasses.of(Entities.BANK_CARD).category()).isEqualTo(Category.SENSITIVE_PI);
    assertThat(DataClasses.of(Entities.GPS).category()).isEqualTo(Category.SENSITIVE_PI);
    assertThat(DataClasses.of(Entities.CN_MOBILE).category()).isEqualTo(Category.PI);
    assertThat(DataClasses.of(Entities.CN_USCC).category()).isEqualTo(Category.OTHER);
  }

  @Test
  void builtIn_coversEveryEntity() {
    assertThat(DataClasses.builtIn().keySet()).containsExactlyInAnyOrderElementsOf(Entities.ALL);
  }

  @Test
  void register_customEntity_isReturned() {
    DataClasses.register("MEMBER_NO", Category.PI, Level.IMPORTANT);

    assertThat(DataClasses.find("MEMBER_NO"))
        .contains(new DataClass("MEMBER_NO", Category.PI, Level.IMPORTANT));
  }

  @Test
  void register_changingBuiltIn_rejected() {
    assertThatThrownBy(() -> DataClasses.register(Entities.CN_MOBILE, Category.OTHER, Level.CORE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CN_MOBILE");
  }

  @Test
  void of_unknown_isConservativePi() {
    assertThat(DataClasses.of("WHATEVER").category()).isEqualTo(Category.PI);
  }
}
