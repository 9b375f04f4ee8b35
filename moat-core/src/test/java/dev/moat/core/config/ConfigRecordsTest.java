package dev.moat.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moat.core.Category;
import dev.moat.core.Level;
import dev.moat.core.detect.Confidence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigRecordsTest {
  private Locale saved;

  @TempDir Path dir;

  @BeforeEach
  void english() {
    saved = Locale.getDefault();
    Locale.setDefault(Locale.ENGLISH);
  }

  @AfterEach
  void restore() {
    Locale.setDefault(saved);
  }

  @Test
  void detectConfig_threadsOutOfRange_namesFieldRuleAndValue() {
    assertThatThrownBy(() -> DetectConfig.DEFAULTS.withThreads(999))
        .isInstanceOf(ConfigException.class)
        .hasMessage("threads must be between 0 and 256: 999");
  }

  @Test
  void configException_under_prefixesKey() {
    ConfigException e = new ConfigException("threads", "config.range", 0, 256, -1).under("detect");
    assertThat(e.key()).isEqualTo("detect.threads");
    assertThat(e).hasMessage("detect.threads must be between 0 and 256: -1");
    assertThat(new ConfigException("[2].pattern", "config.empty").under("detect.custom").key())
        .isEqualTo("detect.custom[2].pattern");
  }

  @Test
  void configException_chinese_isLocalised() {
    Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
    assertThat(new ConfigException("detect.threads", "config.range", 0, 256, 999))
        .hasMessage("detect.threads 必须在 0 到 256 之间：999");
  }

  @Test
  void detectConfig_lowerCaseEntity_rejected() {
    assertThatThrownBy(() -> DetectConfig.DEFAULTS.withEntities(List.of("CN_MOBILE", "email")))
        .hasMessageContaining("entities[1]")
        .hasMessageContaining("email");
  }

  @Test
  void detectConfig_defaults_areAllEntitiesMediumAuto() {
    assertThat(DetectConfig.DEFAULTS.entities()).isEmpty();
    assertThat(DetectConfig.DEFAULTS.minConfidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(DetectConfig.DEFAULTS.effectiveThreads())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(DetectConfig.DEFAULTS.withThreads(3).effectiveThreads()).isEqualTo(3);
  }

  @Test
  void customDetector_invalidRegex_namesPatternAndReason() {
    assertThatThrownBy(() -> custom("EMPLOYEE_ID", "EMP(\\d{6}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("pattern is not a valid regular expression (Unclosed group)")
        .hasMessageEndingWith("EMP(\\d{6}");
  }

  @Test
  void customDetector_patternMatchingEmpty_rejected() {
    assertThatThrownBy(() -> custom("EMPLOYEE_ID", "\\d*"))
        .hasMessage("pattern must not match the empty string: \\d*");
  }

  @Test
  void customDetector_valid_copiesHotwords() {
    List<String> words = new java.util.ArrayList<>(List.of("工号"));
    CustomDetector d =
        new CustomDetector(
            "EMPLOYEE_ID", "EMP\\d{6}", Optional.empty(), words, Category.PI, Level.GENERAL);
    words.add("later");
    assertThat(d.hotwords()).containsExactly("工号");
  }

  @Test
  void detectConfig_duplicateCustom_rejected() {
    CustomDetector d = custom("EMPLOYEE_ID", "EMP\\d{6}");
    assertThatThrownBy(
            () -> new DetectConfig(List.of(), Confidence.LOW, 1, List.of(d, d), List.of()))
        .hasMessageContaining("custom[1]");
  }

  @Test
  void maskConfig_overrides_sortedAndValidated() {
    MaskConfig m =
        new MaskConfig(Optional.empty(), Map.of("EMAIL", "redact", "CN_MOBILE", "keep:3,4"));
    assertThat(m.overrides().keySet()).containsExactly("CN_MOBILE", "EMAIL");
    assertThatThrownBy(() -> new MaskConfig(Optional.empty(), Map.of("CN_MOBILE", " ")))
        .hasMessage("overrides.CN_MOBILE must not be empty");
  }

  @Test
  void secretRef_literal_rejectedWithoutEchoingIt() {
    assertThatThrownBy(() -> SecretRef.parse("hunter2-super-secret"))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }

  @Test
  void secretRef_env_resolvesFromEnvironment() {
    SecretRef r = SecretRef.parse("env:MOAT_TEST_KEY");
    assertThat(r).isEqualTo(new SecretRef(SecretRef.Scheme.ENV, "MOAT_TEST_KEY"));
    assertThat(r.resolve(Map.of("MOAT_TEST_KEY", "k3y")::get))
        .isEqualTo("k3y".getBytes(StandardCharsets.UTF_8));
    assertThat(r).hasToString("env:MOAT_TEST_KEY");
  }

  @Test
  void secretRef_envMissing_namesVariable() {
    assertThatThrownBy(() -> SecretRef.parse("env:NOPE").resolve(name -> null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("NOPE");
  }

  @Test
  void secretRef_file_readsAndStripsNewline() throws IOException {
    Path f = Files.writeString(dir.resolve("key"), "s3cret\n");
    assertThat(SecretRef.parse("file:" + f).resolve(n -> null))
        .isEqualTo("s3cret".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void secretRef_fileMissing_rejectedWithoutContent() {
    assertThatThrownBy(() -> SecretRef.parse("file:" + dir.resolve("none")).resolve(n -> null))
        .hasMessageContaining("cannot read secret file");
  }

  @Test
  void moatHome_ensure_createsWithMode700() throws IOException {
    Path home = MoatHome.ensure(dir);
    assertThat(home).isEqualTo(dir.resolve(".moat")).isDirectory();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home)))
        .isEqualTo("rwx------");
    assertThat(MoatHome.ensure(dir)).isEqualTo(home);
  }

  @Test
  void moatHome_ensureOverAFile_throws() throws IOException {
    Files.writeString(dir.resolve(".moat"), "x");
    assertThatThrownBy(() -> MoatHome.ensure(dir)).isInstanceOf(IOException.class);
  }

  private static CustomDetector custom(String entity, String pattern) {
    return new CustomDetector(
        entity, pattern, Optional.empty(), List.of(), Category.PI, Level.GENERAL);
  }
}
