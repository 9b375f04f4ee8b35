package dev.moat.scan.check.nats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the JSON of a NATS {@code INFO} line. */
final class NatsInfoTest {

  @Test
  void scalarFields_areRead_asText_andNestedValuesSkipped() {
    String line =
        "INFO {\"server_id\":\"NAB3\",\"version\":\"2.9.15\",\"go\":\"go1.19\",\"jetstream\":true,"
            + "\"max_payload\":1048576,\"connect_urls\":[\"10.0.0.1:4222\"],"
            + "\"cluster\":{\"name\":\"c1\"},\"auth_required\":null,\"server_name\":\"n1\"} ";

    assertThat(NatsCheck.info(line))
        .containsExactly(
            org.assertj.core.api.Assertions.entry("server_id", "NAB3"),
            org.assertj.core.api.Assertions.entry("version", "2.9.15"),
            org.assertj.core.api.Assertions.entry("go", "go1.19"),
            org.assertj.core.api.Assertions.entry("jetstream", "true"),
            org.assertj.core.api.Assertions.entry("max_payload", "1048576"),
            org.assertj.core.api.Assertions.entry("server_name", "n1"));
  }

  @Test
  void notAnObject_orCutShort_isNothing() {
    assertThat(NatsCheck.info("INFO [1,2]")).isNull();
    assertThat(NatsCheck.info("INFO {\"server_id\":\"NAB3\",\"version\":")).isNull();
    assertThat(NatsCheck.info("INFO not json")).isNull();
    assertThat(NatsCheck.info("INFO {}")).isEmpty();
  }
}
