package dev.moat.scan.check.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class WebTest {
  @Test
  void redactName_longDigitRuns_keepThreeAndTwo() {
    assertThat(Web.redactName("/users/13812345678/profile"))
        .isEqualTo("/users/138******78/profile");
    assertThat(Web.redactName("身份证_11010519491231002X.jpg"))
        .isEqualTo("身份证_110************02X.jpg");
  }

  @Test
  void redactName_shortNumbers_areKept() {
    assertThat(Web.redactName("backup-2026.tar.gz")).isEqualTo("backup-2026.tar.gz");
  }

  @Test
  void parse_notJson_isEmpty() {
    assertThat(Web.parse("<html>")).isEmpty();
    assertThat(Web.parse("{\"a\":1}")).isPresent();
  }
}
