package dev.moat.report.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class JsonScanRendererTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode render(dev.moat.core.ScanReport r) throws IOException {
    StringWriter w = new StringWriter();
    ScanRenderer.json().render(r, w);
    return MAPPER.readTree(w.toString());
  }

  private static List<String> fields(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void render_ordinaryReport_hasExactlyTheContractFieldsInOrder() throws IOException {
    JsonNode root = render(SampleReports.ordinary());

    assertThat(fields(root))
        .containsExactly("scanner", "startedAt", "finishedAt", "services", "findings");
    assertThat(fields(root.get("scanner"))).containsExactly("name", "version");
    assertThat(fields(root.get("services").get(0)))
        .containsExactly("host", "port", "service", "product", "version", "tls", "auth");
    assertThat(fields(root.get("findings").get(0)))
        .containsExactly(
            "id",
            "check",
            "service",
            "host",
            "port",
            "severity",
            "title",
            "detail",
            "evidence",
            "exposure",
            "remediation",
            "references");
  }

  @Test
  void render_ordinaryReport_writesValuesAsTheContractSpells() throws IOException {
    JsonNode root = render(SampleReports.ordinary());

    assertThat(root.at("/scanner/name").asText()).isEqualTo("moat");
    assertThat(root.at("/scanner/version").asText()).isEqualTo("0.1.0");
    assertThat(root.get("startedAt").asText()).isEqualTo("2026-11-28T10:00:00Z");
    assertThat(root.get("finishedAt").asText()).isEqualTo("2026-11-28T10:00:03.250Z");
    JsonNode redis = root.at("/findings/1");
    assertThat(redis.get("severity").asText()).isEqualTo("critical");
    assertThat(redis.get("port").isInt()).isTrue();
    assertThat(redis.at("/exposure/CN_RESIDENT_ID").asInt()).isEqualTo(3);
    assertThat(fields(redis.get("exposure"))).containsExactly("CN_MOBILE", "CN_RESIDENT_ID");
    assertThat(redis.get("title").asText()).isEqualTo("Redis 未设置密码");
    assertThat(redis.at("/references/1").asText()).isEqualTo("PIPL-51");
    assertThat(root.at("/services/0/auth").asText()).isEqualTo("none");
    assertThat(root.at("/services/0/tls").isBoolean()).isTrue();
  }

  @Test
  void render_unidentifiedService_writesNullProductAndVersion() throws IOException {
    JsonNode pg = render(SampleReports.ordinary()).at("/services/2");

    assertThat(pg.get("product").isNull()).isTrue();
    assertThat(pg.get("version").isNull()).isTrue();
    assertThat(pg.get("auth").asText()).isEqualTo("required");
  }

  @Test
  void render_emptyReport_writesEmptyArrays() throws IOException {
    JsonNode root = render(SampleReports.empty());

    assertThat(root.get("services").isArray()).isTrue();
    assertThat(root.get("services")).isEmpty();
    assertThat(root.get("findings")).isEmpty();
  }

  @Test
  void render_hostileStrings_roundTripExactly() throws IOException {
    JsonNode root = render(SampleReports.hostile());

    assertThat(root.at("/services/0/product").asText())
        .isEqualTo(SampleReports.hostile().services().get(0).product());
  }
}
