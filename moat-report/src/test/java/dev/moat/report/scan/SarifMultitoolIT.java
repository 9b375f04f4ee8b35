package dev.moat.report.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moat.core.ScanReport;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates the SARIF output with Microsoft's SARIF Multitool ({@code @microsoft/sarif-multitool}
 * from npm), the validator GitHub's own documentation points to. The tool is installed once with
 * {@code npm install} into {@code target/sarif-multitool}; the test fails (not skips) when npm is
 * missing, since CI provides Node.js.
 */
final class SarifMultitoolIT {
  private static final Path TOOL_DIR = Path.of("target", "sarif-multitool").toAbsolutePath();
  private static final Path TOOL = TOOL_DIR.resolve("node_modules/.bin/sarif-multitool");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @BeforeAll
  static void install() throws Exception {
    if (Files.isExecutable(TOOL)) {
      return;
    }
    Files.createDirectories(TOOL_DIR);
    Files.writeString(TOOL_DIR.resolve("package.json"), "{\"private\":true}\n");
    int rc =
        run(
            TOOL_DIR,
            List.of(
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--silent",
                "@microsoft/sarif-multitool@5.7.0"),
            300);
    assertThat(rc).as("npm install @microsoft/sarif-multitool (see %s)", log()).isZero();
    // npm may decline to run the postinstall chmod of the native binary.
    try (var files = Files.walk(TOOL_DIR.resolve("node_modules/@microsoft"))) {
      files
          .filter(p -> p.getFileName().toString().equals("Sarif.Multitool"))
          .forEach(p -> p.toFile().setExecutable(true));
    }
  }

  private static Path log() {
    return TOOL_DIR.resolve("run.log");
  }

  private static int run(Path dir, List<String> cmd, int seconds) throws Exception {
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log().toFile())
            .start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd);
    }
    return p.exitValue();
  }

  /** Runs {@code validate} and returns the error-level results it reported. */
  private static List<String> validate(ScanReport report, Locale locale, String name)
      throws Exception {
    Path in = TOOL_DIR.resolve(name + ".sarif");
    Path out = TOOL_DIR.resolve(name + ".validation.sarif");
    Files.deleteIfExists(out);
    try (Writer w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
      ScanRenderer.sarif(locale).render(report, w);
    }
    int rc =
        run(
            TOOL_DIR,
            List.of(
                TOOL.toString(),
                "validate",
                in.toString(),
                "-o",
                out.toString(),
                "--log",
                "ForceOverwrite"),
            120);
    String console = Files.readString(log());
    assertThat(Files.exists(out)).as("validator output; console: %s", console).isTrue();
    JsonNode results = MAPPER.readTree(out.toFile()).at("/runs/0/results");
    List<String> errors = new ArrayList<>();
    for (JsonNode r : results) {
      if ("error".equals(r.path("level").asText())) {
        errors.add(r.path("ruleId").asText() + " " + r.path("message"));
      }
    }
    assertThat(rc).as("validate exit code; console: %s", console).isZero();
    return errors;
  }

  @Test
  void validate_ordinaryEnglish_noErrors() throws Exception {
    assertThat(validate(SampleReports.ordinary(), Locale.ENGLISH, "ordinary-en")).isEmpty();
  }

  @Test
  void validate_ordinaryChinese_noErrors() throws Exception {
    assertThat(validate(SampleReports.ordinary(), Locale.SIMPLIFIED_CHINESE, "ordinary-zh"))
        .isEmpty();
  }

  @Test
  void validate_hostileAndEmpty_noErrors() throws Exception {
    assertThat(validate(SampleReports.hostile(), Locale.ENGLISH, "hostile")).isEmpty();
    assertThat(validate(SampleReports.empty(), Locale.ENGLISH, "empty")).isEmpty();
  }

  @Test
  void validate_brokenFile_isReported() throws Exception {
    Path in = TOOL_DIR.resolve("broken.sarif");
    Path out = TOOL_DIR.resolve("broken.validation.sarif");
    Files.writeString(in, "{\"version\":\"2.1.0\",\"runs\":[{\"results\":[]}]}");
    run(
        TOOL_DIR,
        List.of(
            TOOL.toString(),
            "validate",
            in.toString(),
            "-o",
            out.toString(),
            "--log",
            "ForceOverwrite"),
        120);
    JsonNode results = MAPPER.readTree(out.toFile()).at("/runs/0/results");
    assertThat(results.toString())
        .as("the validator must reject a run without a tool")
        .contains("error");
  }
}
