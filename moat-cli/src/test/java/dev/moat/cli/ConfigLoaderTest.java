package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moat.core.Category;
import dev.moat.core.Level;
import dev.moat.core.config.ConfigException;
import dev.moat.core.config.CustomDetector;
import dev.moat.core.config.DiscoverConfig;
import dev.moat.core.config.DiscoverSource;
import dev.moat.core.config.MoatConfig;
import dev.moat.core.config.SecretRef;
import dev.moat.core.detect.Confidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigLoaderTest {
  @TempDir Path work;
  @TempDir Path home;
  private Locale saved;

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
  void load_noFile_givesDefaults() {
    ConfigLoader.Loaded l = ConfigLoader.load(null, work, home, Map.of());
    assertThat(l.file()).isEmpty();
    assertThat(l.config()).isEqualTo(MoatConfig.DEFAULTS);
  }

  @Test
  void load_fullFile_bindsEverySection() throws IOException {
    yaml(
        work.resolve("moat.yaml"),
        """
        detect:
          entities: [CN_RESIDENT_ID, CN_MOBILE]
          minConfidence: high
          threads: 4
          custom:
            - entity: EMPLOYEE_ID
              pattern: 'EMP\\d{6}'
              validator: luhn
              hotwords: [工号, employee]
              category: sensitive-pi
              level: important
        mask:
          hmacKey: env:MOAT_HMAC
          overrides:
            CN_MOBILE: keep:3,4
        """);
    MoatConfig c = ConfigLoader.load(null, work, home, Map.of()).config();
    assertThat(c.detect().entities()).containsExactly("CN_RESIDENT_ID", "CN_MOBILE");
    assertThat(c.detect().minConfidence()).isEqualTo(Confidence.HIGH);
    assertThat(c.detect().threads()).isEqualTo(4);
    assertThat(c.detect().custom())
        .containsExactly(
            new CustomDetector(
                "EMPLOYEE_ID",
                "EMP\\d{6}",
                Optional.of("luhn"),
                List.of("工号", "employee"),
                Category.SENSITIVE_PI,
                Level.IMPORTANT));
    assertThat(c.mask().hmacKey()).contains(new SecretRef(SecretRef.Scheme.ENV, "MOAT_HMAC"));
    assertThat(c.mask().overrides()).containsEntry("CN_MOBILE", "keep:3,4");
  }

  @Test
  void load_workDirFileWinsOverUserFile() throws IOException {
    yaml(work.resolve("moat.yaml"), "detect: {threads: 2}");
    Files.createDirectories(home.resolve(".moat"));
    yaml(home.resolve(".moat/config.yaml"), "detect: {threads: 7}");
    ConfigLoader.Loaded l = ConfigLoader.load(null, work, home, Map.of());
    assertThat(l.config().detect().threads()).isEqualTo(2);
    assertThat(l.file()).contains(work.resolve("moat.yaml"));
  }

  @Test
  void load_userFileUsedWhenNoLocalFile() throws IOException {
    Files.createDirectories(home.resolve(".moat"));
    yaml(home.resolve(".moat/config.yaml"), "detect: {threads: 7}");
    assertThat(ConfigLoader.load(null, work, home, Map.of()).config().detect().threads())
        .isEqualTo(7);
  }

  @Test
  void load_explicitFileWinsAndMustExist() throws IOException {
    yaml(work.resolve("moat.yaml"), "detect: {threads: 2}");
    Path other = yaml(work.resolve("other.yaml"), "detect: {threads: 3}");
    assertThat(ConfigLoader.load(other, work, home, Map.of()).config().detect().threads())
        .isEqualTo(3);
    assertThatThrownBy(() -> ConfigLoader.load(work.resolve("nope.yaml"), work, home, Map.of()))
        .hasMessageStartingWith("config file not found: ")
        .hasMessageContaining("nope.yaml");
  }

  @Test
  void load_environmentOverridesFile() throws IOException {
    yaml(work.resolve("moat.yaml"), "detect: {minConfidence: low, threads: 2}");
    MoatConfig c =
        ConfigLoader.load(
                null,
                work,
                home,
                Map.of(
                    "MOAT_DETECT_MIN_CONFIDENCE", "high",
                    "MOAT_DETECT_ENTITIES", "EMAIL, CN_MOBILE",
                    "MOAT_MASK_OVERRIDES", "{EMAIL: redact}",
                    "MOAT_JAVA_OPTS", "-Xmx1g"))
            .config();
    assertThat(c.detect().minConfidence()).isEqualTo(Confidence.HIGH);
    assertThat(c.detect().threads()).isEqualTo(2);
    assertThat(c.detect().entities()).containsExactly("EMAIL", "CN_MOBILE");
    assertThat(c.mask().overrides()).containsEntry("EMAIL", "redact");
  }

  @Test
  void load_unknownEnvironmentKeyInKnownSection_rejected() {
    assertThatThrownBy(
            () -> ConfigLoader.load(null, work, home, Map.of("MOAT_DETECT_MIN_CONFIDNCE", "x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MOAT_DETECT_MIN_CONFIDNCE")
        .hasMessageContaining("MOAT_DETECT_MIN_CONFIDENCE");
  }

  @Test
  void load_secretVariableInSectionNamespace_isNotAnUnknownKey() throws IOException {
    yaml(work.resolve("moat.yaml"), "mask:\n  hmacKey: env:MOAT_MASK_SECRET\n");
    assertThat(
            ConfigLoader.load(null, work, home, Map.of("MOAT_MASK_SECRET", "k"))
                .config()
                .mask()
                .hmacKey())
        .contains(new SecretRef(SecretRef.Scheme.ENV, "MOAT_MASK_SECRET"));
  }

  @Test
  void envName_camelCase_becomesUpperSnake() {
    assertThat(ConfigLoader.envName("detect", "minConfidence"))
        .isEqualTo("MOAT_DETECT_MIN_CONFIDENCE");
    assertThat(ConfigLoader.envName("mask", "hmacKey")).isEqualTo("MOAT_MASK_HMAC_KEY");
  }

  @Test
  void load_unknownTopLevelKey_namesItAndTheKnownOnes() throws IOException {
    yaml(work.resolve("moat.yaml"), "detcet:\n  threads: 2\n");
    assertThatThrownBy(() -> ConfigLoader.load(null, work, home, Map.of()))
        .hasMessage("unknown config key detcet (known keys here: detect, mask, discover)");
  }

  @Test
  void load_unknownNestedKey_namesFullPath() throws IOException {
    yaml(
        work.resolve("moat.yaml"),
        "detect:\n  custom:\n    - {entity: A, pattern: x, hotword: y}\n");
    assertThatThrownBy(() -> ConfigLoader.load(null, work, home, Map.of()))
        .hasMessageStartingWith("unknown config key detect.custom[0].hotword");
  }

  @Test
  void load_badConfidence_namesKeyRuleAndValue() throws IOException {
    yaml(work.resolve("moat.yaml"), "detect:\n  minConfidence: sure\n");
    assertThatThrownBy(() -> ConfigLoader.load(null, work, home, Map.of()))
        .hasMessage("detect.minConfidence must be one of low, medium, high: sure");
  }

  @Test
  void load_badThreads_namesKeyAndValue() throws IOException {
    yaml(work.resolve("moat.yaml"), "detect:\n  threads: many\n");
    assertThatThrownBy(() -> ConfigLoader.load(null, work, home, Map.of()))
        .hasMessage("detect.threads must be an integer: many");
    yaml(work.resolve("moat.yaml"), "detect:\n  threads: 1000\n");
    assertThatThrownBy(() -> ConfigLoader.load(null, work, home, Map.of()))
        .hasMessage("detect.threads must be between 0 and 256: 1000");
  }

  @Test
  void load_invalidCustomRegex_namesIndexAndPattern() throws IOException {
    yaml(
        work.resolve("moat.yaml"),
        """
        detect:
          custom:
            - {entity: OK_ID, pattern: 'a+'}
            - {entity: BAD_ID, pattern: '[0-9'}
        """);
    assertThatThrownBy(() -> ConfigLoader.load(null, work, home, Map.of()))
        .hasMessageStartingWith("detect.custom[1].pattern is not a valid regular expression");
  }

  @Test
  void load_detectExclude_fromFileAndEnvironment() throws IOException {
    yaml(work.resolve("moat.yaml"), "detect:\n  exclude: [node_modules, '*.{gz,zip}']\n");
    assertThat(ConfigLoader.load(null, work, home, Map.of()).config().detect().exclude())
        .containsExactly("node_modules", "*.{gz,zip}");
    // one glob may hold commas: a plain variable is one pattern, a flow list several
    assertThat(
            ConfigLoader.load(null, work, home, Map.of("MOAT_DETECT_EXCLUDE", "*.{gz,zip}"))
                .config()
                .detect()
                .exclude())
        .containsExactly("*.{gz,zip}");
    assertThat(
            ConfigLoader.load(null, work, home, Map.of("MOAT_DETECT_EXCLUDE", "[a, 'b/**']"))
                .config()
                .detect()
                .exclude())
        .containsExactly("a", "b/**");
  }

  @Test
  void load_invalidExcludeGlob_namesIndexAndPattern() throws IOException {
    yaml(work.resolve("moat.yaml"), "detect:\n  exclude: [ok, '[a-']\n");
    assertThatThrownBy(() -> ConfigLoader.load(null, work, home, Map.of()))
        .hasMessageStartingWith("detect.exclude[1] is not a valid glob (")
        .hasMessageEndingWith("): [a-");
  }

  @Test
  void load_literalSecret_rejectedWithoutEchoingIt() throws IOException {
    yaml(work.resolve("moat.yaml"), "mask:\n  hmacKey: correct-horse-battery\n");
    assertThatThrownBy(() -> ConfigLoader.load(null, work, home, Map.of()))
        .hasMessageStartingWith("mask.hmacKey must be a secret reference")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("correct-horse"));
  }

  @Test
  void load_badYaml_oneLineWithPosition() throws IOException {
    yaml(work.resolve("moat.yaml"), "detect:\n  threads: [1\n");
    assertThatThrownBy(() -> ConfigLoader.load(null, work, home, Map.of()))
        .hasMessageContaining("not valid YAML (line")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void load_duplicateKey_rejected() throws IOException {
    yaml(work.resolve("moat.yaml"), "detect:\n  threads: 1\n  threads: 2\n");
    assertThatThrownBy(() -> ConfigLoader.load(null, work, home, Map.of()))
        .hasMessageContaining("not valid YAML")
        .hasMessageContaining("threads");
  }

  @Test
  void load_emptyFile_givesDefaults() throws IOException {
    yaml(work.resolve("moat.yaml"), "# nothing yet\n");
    assertThat(ConfigLoader.load(null, work, home, Map.of()).config())
        .isEqualTo(MoatConfig.DEFAULTS);
  }

  @Test
  void load_sectionNotAMapping_rejected() throws IOException {
    yaml(work.resolve("moat.yaml"), "detect: [1, 2]\n");
    assertThatThrownBy(() -> ConfigLoader.load(null, work, home, Map.of()))
        .hasMessage("detect must be a mapping of keys to values");
  }

  @Test
  void load_discoverSection_sourcesWithAccountsAndLimits() throws IOException {
    yaml(
        work.resolve("moat.yaml"),
        """
        discover:
          sources:
            - url: jdbc:postgresql://10.0.0.5:5432/crm
              user: moat_ro
              password: env:CRM_DB_PASSWORD
            - redis://127.0.0.1:6379/0
          sample: 50
          concurrency: 2
        """);
    DiscoverConfig d = ConfigLoader.load(null, work, home, Map.of()).config().discover();
    assertThat(d.sources())
        .containsExactly(
            new DiscoverSource(
                "jdbc:postgresql://10.0.0.5:5432/crm",
                Optional.of("moat_ro"),
                Optional.of(new SecretRef(SecretRef.Scheme.ENV, "CRM_DB_PASSWORD"))),
            new DiscoverSource("redis://127.0.0.1:6379/0", Optional.empty(), Optional.empty()));
    assertThat(d.sample()).isEqualTo(50);
    assertThat(d.concurrency()).isEqualTo(2);
    assertThat(d.maxTables()).isEqualTo(DiscoverConfig.DEFAULTS.maxTables());
    assertThat(d.timeoutSeconds()).isEqualTo(DiscoverConfig.DEFAULTS.timeoutSeconds());
    assertThat(d.source(" jdbc:postgresql://10.0.0.5:5432/crm")).isPresent();
    assertThat(d.source("jdbc:postgresql://10.0.0.5:5432/other")).isEmpty();
  }

  @Test
  void load_discoverLiteralPassword_rejectedWithoutEchoingIt() throws IOException {
    yaml(
        work.resolve("moat.yaml"),
        "discover:\n  sources:\n    - url: jdbc:mysql://h/db\n      password: Tr0ub4dor&3\n");
    assertThatThrownBy(() -> ConfigLoader.load(null, work, home, Map.of()))
        .hasMessageStartingWith("discover.sources[0].password must be a secret reference")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Tr0ub4dor"));
  }

  @Test
  void load_discoverBadValues_namedByKey() throws IOException {
    yaml(work.resolve("moat.yaml"), "discover:\n  sources:\n    - url: x\n      pasword: env:P\n");
    assertThatThrownBy(() -> ConfigLoader.load(null, work, home, Map.of()))
        .hasMessageStartingWith("unknown config key discover.sources[0].pasword");
    yaml(work.resolve("moat.yaml"), "discover:\n  sources: [a, a]\n");
    assertThatThrownBy(() -> ConfigLoader.load(null, work, home, Map.of()))
        .hasMessage("discover.sources[1].url names a source that is already listed");
    yaml(work.resolve("moat.yaml"), "discover:\n  concurrency: 0\n");
    assertThatThrownBy(() -> ConfigLoader.load(null, work, home, Map.of()))
        .hasMessage("discover.concurrency must be between 1 and 64: 0");
  }

  @Test
  void load_discoverFromEnvironment_andPasswordVariableIsNotAKey() throws IOException {
    yaml(
        work.resolve("moat.yaml"),
        "discover:\n  sources:\n    - url: x\n      password: env:MOAT_DISCOVER_PW\n");
    DiscoverConfig d =
        ConfigLoader.load(
                null, work, home, Map.of("MOAT_DISCOVER_PW", "secret", "MOAT_DISCOVER_SAMPLE", "7"))
            .config()
            .discover();
    assertThat(d.sample()).isEqualTo(7);
    assertThat(d.sources()).hasSize(1);
  }

  private static Path yaml(Path p, String text) throws IOException {
    return Files.writeString(p, text);
  }
}
