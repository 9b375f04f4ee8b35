package dev.moat.report.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moat.core.ScanReport;
import dev.moat.core.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

final class SarifScanRendererTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode render(ScanReport r, Locale locale) throws IOException {
    StringWriter w = new StringWriter();
    ScanRenderer.sarif(locale).render(r, w);
    return MAPPER.readTree(w.toString());
  }

  @Test
  void render_ordinary_isVersion210WithOneRunNamedMoat() throws IOException {
    JsonNode root = render(SampleReports.ordinary(), Locale.ENGLISH);

    assertThat(root.get("version").asText()).isEqualTo("2.1.0");
    assertThat(root.get("$schema").asText()).contains("sarif-2.1.0");
    assertThat(root.get("runs")).hasSize(1);
    assertThat(root.at("/runs/0/tool/driver/name").asText()).isEqualTo("moat");
    assertThat(root.at("/runs/0/tool/driver/version").asText()).isEqualTo("0.1.0");
  }

  @Test
  void render_ordinary_rulesAreCheckIdsSortedWithSecuritySeverity() throws IOException {
    JsonNode rules =
        render(SampleReports.ordinary(), Locale.ENGLISH).at("/runs/0/tool/driver/rules");

    assertThat(rules).hasSize(2);
    assertThat(rules.get(0).get("id").asText()).isEqualTo("http.git-exposed");
    assertThat(rules.get(1).get("id").asText()).isEqualTo("redis.no-auth");
    assertThat(rules.get(1).get("name").asText()).isEqualTo("RedisNoAuth");
    assertThat(rules.get(1).at("/properties/security-severity").asText()).isEqualTo("9.5");
    assertThat(rules.get(0).at("/properties/security-severity").asText()).isEqualTo("5.5");
    assertThat(rules.get(1).at("/properties/tags").toString()).contains("security", "redis");
    assertThat(rules.get(1).at("/defaultConfiguration/level").asText()).isEqualTo("error");
  }

  @Test
  void render_ordinary_resultsPointAtSchemeHostPortWithFingerprint() throws IOException {
    JsonNode results = render(SampleReports.ordinary(), Locale.ENGLISH).at("/runs/0/results");

    JsonNode git = results.get(0);
    assertThat(git.get("ruleId").asText()).isEqualTo("http.git-exposed");
    assertThat(git.get("ruleIndex").asInt()).isZero();
    assertThat(git.get("level").asText()).isEqualTo("warning");
    assertThat(git.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("http://[::1]:8080");
    JsonNode redis = results.get(1);
    assertThat(redis.get("ruleIndex").asInt()).isEqualTo(1);
    assertThat(redis.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("redis://127.0.0.1:6379");
    assertThat(redis.at("/partialFingerprints/moatFindingId~1v1").asText())
        .isEqualTo("3f1c0a9e5b7d2c41");
    assertThat(redis.at("/message/text").asText()).startsWith("Redis 未设置密码");
    assertThat(redis.at("/properties/exposure/CN_RESIDENT_ID").asInt()).isEqualTo(3);
  }

  @Test
  void securitySeverity_eachSeverity_fallsInGithubBucket() {
    assertThat(Double.parseDouble(SarifScanRenderer.securitySeverity(Severity.CRITICAL)))
        .isGreaterThan(9.0);
    assertThat(Double.parseDouble(SarifScanRenderer.securitySeverity(Severity.HIGH)))
        .isBetween(7.0, 8.9);
    assertThat(Double.parseDouble(SarifScanRenderer.securitySeverity(Severity.MEDIUM)))
        .isBetween(4.0, 6.9);
    assertThat(Double.parseDouble(SarifScanRenderer.securitySeverity(Severity.LOW)))
        .isLessThanOrEqualTo(3.9);
  }

  @Test
  void render_chinese_referencesInHelpAreChinese() throws IOException {
    JsonNode rules =
        render(SampleReports.ordinary(), Locale.SIMPLIFIED_CHINESE).at("/runs/0/tool/driver/rules");

    assertThat(rules.get(1).at("/help/text").asText()).contains("《数据安全法》第二十七条");
  }

  @Test
  void targetUri_unknownService_usesTcp() {
    assertThat(TargetUri.of("unknown", "10.0.0.1", 9)).isEqualTo("tcp://10.0.0.1:9");
    assertThat(TargetUri.of("docker-registry", "127.0.0.1", 5000))
        .isEqualTo("docker-registry://127.0.0.1:5000");
  }
}
