package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.detect.Confidence;
import dev.moat.core.detect.DetectionEngine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

final class JsonLinesScanTest {
  private static final DetectionEngine ENGINE = DetectionEngine.standard();

  record Hit(long line, long start, long end, String entity, Confidence confidence, String value) {}

  /** A sink that keeps every match in {@code hits}. */
  private static DetectionEngine.StreamSink into(List<Hit> hits) {
    return (l, s, e, m) -> hits.add(new Hit(l, s, e, m.entity(), m.confidence(), m.value()));
  }

  private static List<Hit> scan(String text) throws IOException {
    List<Hit> hits = new ArrayList<>();
    new JsonLinesScan(ENGINE, into(hits)).run(new StringReader(text));
    return hits;
  }

  private static List<Hit> stream(String text) throws IOException {
    List<Hit> hits = new ArrayList<>();
    ENGINE.scan(new StringReader(text), into(hits));
    return hits;
  }

  /** The code points {@code [start, end)} of line {@code line} (1-based) of {@code text}. */
  private static String at(String text, Hit h) {
    String line = text.split("\n", -1)[(int) h.line() - 1];
    int s = line.offsetByCodePoints(0, (int) h.start());
    return line.substring(s, line.offsetByCodePoints(s, (int) (h.end() - h.start())));
  }

  @Test
  void keys_findNamesAndAddresses_thatProseDoesNot() throws IOException {
    String jsonl =
        "{\"ts\":\"2026-01-01T10:00:00Z\",\"user\":{\"name\":\"张伟\",\"address\":"
            + "\"浙江省杭州市西湖区文三路138号\"}}\n"
            + "{\"event\":\"order\",\"receiver\":\"王芳\",\"addr\":\"北京市朝阳区建国路88号\"}\n";

    List<Hit> hits = scan(jsonl);

    assertThat(hits)
        .extracting(Hit::entity, Hit::value, Hit::line)
        .containsExactly(
            Tuple.tuple("CN_NAME", "张伟", 1L),
            Tuple.tuple("CN_ADDRESS", "浙江省杭州市西湖区文三路138号", 1L),
            Tuple.tuple("CN_NAME", "王芳", 2L),
            Tuple.tuple("CN_ADDRESS", "北京市朝阳区建国路88号", 2L));
    assertThat(hits).allSatisfy(h -> assertThat(at(jsonl, h)).isEqualTo(h.value()));
    assertThat(stream(jsonl)).isEmpty();
  }

  @Test
  void key_raisesConfidence_ofAFormatWithoutCheck() throws IOException {
    String jsonl = "{\"doc\":{\"passport\":\"E12345678\"},\"imei\":\"490154203237518\"}\n";

    assertThat(scan(jsonl))
        .extracting(Hit::entity, Hit::confidence)
        .containsExactly(
            Tuple.tuple("CN_PASSPORT", Confidence.HIGH), Tuple.tuple("IMEI", Confidence.HIGH));
    assertThat(stream(jsonl)).extracting(Hit::confidence).containsOnly(Confidence.MEDIUM);
  }

  @Test
  void escapedValue_isMatchedDecoded_andReportedAtItsEscapedSpan() throws IOException {
    String jsonl = "{\"name\":\"\\u5f20\\u4f1f\",\"note\":\"line\\none\"}\n";

    Hit h = scan(jsonl).get(0);

    assertThat(h.entity()).isEqualTo("CN_NAME");
    assertThat(h.value()).isEqualTo("张伟");
    assertThat(at(jsonl, h)).isEqualTo("\\u5f20\\u4f1f");
  }

  @Test
  void neverLosesWhatAPlainScanFinds() throws IOException {
    // a coordinate pair spans two array values; a mobile sits in free text; a line is not JSON
    String jsonl =
        "{\"loc\":[30.274150,120.155150],\"msg\":\"call 13812345678 now\"}\n"
            + "plain text 13912345678\n"
            + "{\"broken\": \"13712345678\"\n";

    List<Hit> hits = scan(jsonl);

    assertThat(hits)
        .extracting(Hit::entity, Hit::line, Hit::start)
        .containsAll(
            stream(jsonl).stream().map(h -> Tuple.tuple(h.entity(), h.line(), h.start())).toList());
    assertThat(hits).extracting(Hit::entity).contains("GPS", "CN_MOBILE");
    assertThat(hits).hasSize(stream(jsonl).size());
  }

  @Test
  void firstLineNotJson_streamsTheFileAsText() throws IOException {
    String text = "2026-01-01 INFO start\n{\"name\":\"张伟\"}\n";

    assertThat(scan(text)).isEqualTo(stream(text));
  }

  @Test
  void firstLineIsJson_judgesTheFirstLine_withoutConsuming() throws IOException {
    ByteArrayInputStream jsonl = utf8("{\"a\":1}\n{\"b\":2}\n");
    ByteArrayInputStream pretty = utf8("{\n  \"a\": 1\n}\n");
    ByteArrayInputStream log = utf8("2026-01-01 {\"a\":1}\n");
    ByteArrayInputStream broken = utf8("{\"a\":\n");

    assertThat(JsonLinesScan.firstLineIsJson(jsonl)).isTrue();
    assertThat(jsonl.read()).isEqualTo('{');
    assertThat(JsonLinesScan.firstLineIsJson(pretty)).isFalse();
    assertThat(JsonLinesScan.firstLineIsJson(log)).isFalse();
    assertThat(log.read()).isEqualTo('2');
    assertThat(JsonLinesScan.firstLineIsJson(broken)).isFalse();
  }

  private static ByteArrayInputStream utf8(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Hit> document(String text, int max) throws IOException {
    List<Hit> hits = new ArrayList<>();
    new JsonLinesScan(
            ENGINE,
            (l, s, e, m) -> hits.add(new Hit(l, s, e, m.entity(), m.confidence(), m.value())),
            max)
        .document(new StringReader(text));
    return hits;
  }

  private static final String PRETTY =
      "{\n"
          + "  \"users\": [\n"
          + "    {\n"
          + "      \"name\": \"张伟\",\n"
          + "      \"mobile\": \"138 1234 5678\",\n"
          + "      \"loc\": [30.274150, 120.155150]\n"
          + "    },\r\n"
          + "    {\"name\": \"\\u674e\\u5a1c\", \"passport\": \"E12345678\"}\n"
          + "  ]\n"
          + "}\n";

  @Test
  void document_prettyPrinted_valuesWithTheirKeys_atTheirLines() throws IOException {
    List<Hit> hits = document(PRETTY, JsonLinesScan.MAX_DOCUMENT);

    assertThat(hits)
        .extracting(Hit::line, Hit::entity, Hit::confidence)
        .containsExactly(
            Tuple.tuple(4L, "CN_NAME", Confidence.HIGH),
            Tuple.tuple(5L, "CN_MOBILE", Confidence.HIGH),
            Tuple.tuple(6L, "GPS", Confidence.MEDIUM),
            Tuple.tuple(8L, "CN_NAME", Confidence.HIGH),
            Tuple.tuple(8L, "CN_PASSPORT", Confidence.HIGH));
    assertThat(hits)
        .filteredOn(h -> h.line() != 8)
        .allSatisfy(h -> assertThat(at(PRETTY, h)).isEqualTo(h.value()));
    assertThat(at(PRETTY, hits.get(3))).isEqualTo("\\u674e\\u5a1c");
  }

  @Test
  void document_tooLargeOrNotJson_isStreamedAsText() throws IOException {
    assertThat(document(PRETTY, 40)).isEqualTo(stream(PRETTY));
    String broken = PRETTY.substring(0, PRETTY.length() - 3);
    assertThat(document(broken, JsonLinesScan.MAX_DOCUMENT)).isEqualTo(stream(broken));
  }

  @Test
  void names_jsonAndLogFiles() {
    assertThat(JsonLinesScan.jsonName("events.JSONL")).isTrue();
    assertThat(JsonLinesScan.jsonName("dump.ndjson.gz")).isTrue();
    assertThat(JsonLinesScan.jsonName("app.log")).isFalse();
    assertThat(JsonLinesScan.logName("app.log.gz")).isTrue();
  }
}
