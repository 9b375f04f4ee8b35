package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moat.testing.LocalServer;
import dev.moat.testing.RedisServers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of {@code moat scan} against Redis servers it starts on loopback. */
final class ScanCommandIT {
  private static LocalServer open;
  private static LocalServer locked;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    open = RedisServers.open();
    locked = RedisServers.withPassword("Moat-cli-test-1");
  }

  @AfterAll
  static void stop() {
    open.close();
    locked.close();
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, out, err);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String ports() {
    return open.port() + "," + locked.port();
  }

  @Test
  void json_openAndLockedRedis_matchesContractAndFailsOnHigh() throws Exception {
    Run r =
        run(
            "scan",
            "127.0.0.1",
            "-p",
            ports(),
            "--format",
            "json",
            "--no-store",
            "--fail-on",
            "high",
            "--lang",
            "en");

    assertThat(r.code()).as(r.err()).isEqualTo(1);
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.path("scanner").path("name").asText()).isEqualTo("moat");
    assertThat(doc.path("services")).hasSize(2);
    for (JsonNode s : doc.path("services")) {
      assertThat(s.path("service").asText()).isEqualTo("redis");
      assertThat(s.path("auth").asText())
          .isEqualTo(s.path("port").asInt() == open.port() ? "none" : "required");
    }
    assertThat(doc.path("findings")).hasSize(1);
    JsonNode f = doc.path("findings").get(0);
    assertThat(f.path("check").asText()).isEqualTo("redis.no-auth");
    assertThat(f.path("port").asInt()).isEqualTo(open.port());
    assertThat(f.path("severity").asText()).isEqualTo("critical");
    assertThat(f.path("references").toString()).contains("DSL-27");
  }

  @Test
  void chinese_tableOutput_hasChineseTitles() {
    Run r = run("scan", "127.0.0.1", "-p", ports(), "--no-store", "--lang", "zh");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Redis 未设置密码");
  }

  @Test
  void suppression_activeHidesFinding_expiredWarnsAndKeepsIt() throws Exception {
    Path active = dir.resolve("active.yaml");
    Files.writeString(
        active,
        "suppressions:\n  - check: redis.no-auth\n    target: 127.0.0.1:"
            + open.port()
            + "\n    reason: lab box\n    expires: "
            + LocalDate.now().plusDays(30)
            + "\n");
    Path expired = dir.resolve("expired.yaml");
    Files.writeString(
        expired,
        "suppressions:\n  - check: redis.no-auth\n    target: 127.0.0.1\n    reason: old\n"
            + "    expires: 2020-01-01\n");

    Run hidden =
        run(
            "scan",
            "127.0.0.1",
            "-p",
            ports(),
            "--no-store",
            "--fail-on",
            "low",
            "--suppress",
            active.toString(),
            "--lang",
            "en");
    Run kept =
        run(
            "scan",
            "127.0.0.1",
            "-p",
            ports(),
            "--no-store",
            "--fail-on",
            "low",
            "--suppress",
            expired.toString(),
            "--lang",
            "en");

    assertThat(hidden.code()).as(hidden.err()).isZero();
    assertThat(hidden.err()).contains("1 findings suppressed");
    assertThat(kept.code()).isEqualTo(1);
    assertThat(kept.err()).contains("expired on 2020-01-01");
  }

  @Test
  void outputFile_isWrittenAndStdoutStaysEmpty() throws Exception {
    Path out = dir.resolve("report.sarif");

    Run r =
        run(
            "scan",
            "127.0.0.1:" + open.port(),
            "--format",
            "sarif",
            "-o",
            out.toString(),
            "--no-store",
            "--lang",
            "en");

    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out)).contains("\"version\"").contains("redis.no-auth");
  }

  @Test
  void badTarget_isUsageErrorWithOneLine() {
    Run r = run("scan", "10.0.0.300", "--no-store", "--lang", "en");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("10.0.0.300");
  }

  @Test
  void badPorts_andBadSeverity_areUsageErrors() {
    assertThat(run("scan", "127.0.0.1", "-p", "0-5", "--lang", "en").code()).isEqualTo(2);
    assertThat(run("scan", "127.0.0.1", "--fail-on", "severe", "--lang", "en").code()).isEqualTo(2);
    assertThat(run("scan", "--lang", "en").err()).contains("no targets");
  }
}
