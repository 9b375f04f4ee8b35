package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of {@code moat detect}: arguments in, exit code and output out. */
final class DetectCommandTest {
  /** A valid resident ID (GB 11643 check digit 4) and a mobile number in a Chinese log line. */
  private static final String LOG_LINE =
      "2026-11-28 10:00:01 INFO 用户登录 身份证号 110105199003071239 手机 13812345678\n";

  @TempDir Path dir;
  private Locale saved;

  @BeforeEach
  void saveLocale() {
    saved = Locale.getDefault();
  }

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(saved);
  }

  record Result(int code, String out, String err) {
    List<String> lines() {
      return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
  }

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>();
    boolean hasLang = false;
    for (String a : args) {
      hasLang |= a.startsWith("--lang");
    }
    if (!hasLang) {
      all.add("--lang=en");
    }
    all.addAll(List.of(args));
    int code = Main.run(all.toArray(String[]::new), out, err);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path file(String name, String text) throws IOException {
    return file(name, text, StandardCharsets.UTF_8);
  }

  private Path file(String name, String text, Charset cs) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.write(p, text.getBytes(cs));
  }

  @Test
  void detect_jsonl_isExactlyTheContract() throws IOException {
    Path f = file("a.log", LOG_LINE);
    Result r = run("detect", "--format", "jsonl", f.toString());
    assertThat(r.code()).isZero();
    String p = f.toString();
    assertThat(r.lines())
        .containsExactly(
            "{\"path\":\""
                + p
                + "\",\"line\":1,\"start\":35,\"end\":53,\"entity\":\"CN_RESIDENT_ID\","
                + "\"confidence\":\"high\",\"masked\":\"110105********1239\"}",
            "{\"path\":\""
                + p
                + "\",\"line\":1,\"start\":57,\"end\":68,\"entity\":\"CN_MOBILE\","
                + "\"confidence\":\"high\",\"masked\":\"138****5678\"}");
  }

  @Test
  void detect_offsets_areCodePointsWithinTheLine() throws IOException {
    // U+20000 is two UTF-16 chars but one code point; the match must start at code point 3.
    Path f = file("cp.txt", "first line\n𠀀: 13812345678\n");
    Result r = run("detect", "--format", "jsonl", f.toString());
    JsonNode n = new ObjectMapper().readTree(r.lines().get(0));
    assertThat(n.get("line").asLong()).isEqualTo(2);
    assertThat(n.get("start").asLong()).isEqualTo(3);
    assertThat(n.get("end").asLong()).isEqualTo(14);
  }

  @Test
  void detect_default_neverPrintsRawValues() throws IOException {
    Path f = file("a.log", LOG_LINE);
    for (String format : List.of("table", "json", "jsonl")) {
      Result r = run("detect", "--format", format, f.toString());
      assertThat(r.out()).doesNotContain("110105199003071239").doesNotContain("13812345678");
      assertThat(r.err()).doesNotContain("110105199003071239");
    }
  }

  @Test
  void detect_showValues_addsRawValue() throws IOException {
    Path f = file("a.log", LOG_LINE);
    Result r = run("detect", "--format", "jsonl", "--show-values", f.toString());
    assertThat(r.lines().get(0))
        .endsWith("\"masked\":\"110105********1239\",\"value\":\"110105199003071239\"}");
  }

  @Test
  void detect_table_summarisesPerFileAndEntity() throws IOException {
    file("logs/a.log", LOG_LINE.repeat(3));
    file("logs/b.log", "nothing here\n");
    Result r = run("detect", dir.resolve("logs").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .containsPattern("logs/a\\.log +CN_RESIDENT_ID resident ID +sensitive personal info +3")
        .containsPattern("CN_MOBILE mobile number +personal info +3")
        .contains("6 matches in 1 of 2 files.")
        .doesNotContain("b.log");
  }

  @Test
  void detect_fileNamesWithEscapeSequences_neverReachTheTerminal() throws IOException {
    file("d/\u001b[31mred\u001b[0m.log", LOG_LINE);
    Files.write(dir.resolve("d/\u001b]0;title\u0007.bin"), new byte[] {0, 1, 2, 'b', 'i', 'n'});
    Result r = run("detect", dir.resolve("d").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out() + r.err()).doesNotContain("\u001b").doesNotContain("\u0007");
    assertThat(r.out()).contains("?[31mred?[0m.log");
    assertThat(r.err()).contains("?]0;title?.bin");
    String jsonl = run("detect", "--format", "jsonl", dir.resolve("d").toString()).out();
    assertThat(jsonl).contains("\\u001b[31mred");
  }

  @Test
  void detect_exclude_skipsNamesAndPathsInsideDirectoriesButNotArguments() throws IOException {
    file("t/node_modules/pkg/a.json", LOG_LINE);
    file("t/logs/archive/old.log", LOG_LINE);
    file("t/logs/new.log", LOG_LINE);
    file("t/src/app.min.js", LOG_LINE);
    Path kept = file("t/src/app.js", LOG_LINE);
    Result r =
        run(
            "detect",
            "--format",
            "jsonl",
            "--exclude",
            "node_modules",
            "--exclude",
            "logs/archive",
            "--exclude",
            "*.min.js",
            dir.resolve("t").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().map(l -> l.substring(0, l.indexOf("\",\"line\""))).distinct())
        .containsExactly("{\"path\":\"" + dir.resolve("t/logs/new.log"), "{\"path\":\"" + kept);
    Path named = dir.resolve("t/src/app.min.js");
    assertThat(run("detect", "--format", "jsonl", "--exclude", "*.min.js", named.toString()).out())
        .contains("app.min.js");
  }

  @Test
  void detect_invalidExclude_exits2NamingIt() throws IOException {
    Path f = file("a.log", LOG_LINE);
    Result r = run("detect", "--exclude", "[a-", f.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).startsWith("moat: --exclude is not a valid glob (").contains("): [a-");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void detect_tableInChinese_usesChineseHeadings() throws IOException {
    Path f = file("a.log", LOG_LINE);
    Result r = run("--lang", "zh", "detect", f.toString());
    assertThat(r.out()).contains("数据类型").contains("居民身份证号").contains("在 1 个文件中的 1 个发现 2 处。");
  }

  @Test
  void detect_nothingFound_saysSoAndExits0() throws IOException {
    Path f = file("clean.txt", "just text\n");
    Result r = run("detect", "--fail", f.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("No personal or sensitive data found in 1 file.");
  }

  @Test
  void detect_failWithMatches_exits1() throws IOException {
    Path f = file("a.log", LOG_LINE);
    assertThat(run("detect", "--fail", f.toString()).code()).isEqualTo(ExitCode.FLAGGED);
    assertThat(run("detect", f.toString()).code()).isEqualTo(ExitCode.OK);
  }

  @Test
  void detect_json_isOneDocumentWithMatchesAndSummary() throws IOException {
    file("d/a.log", LOG_LINE);
    file("d/b.log", LOG_LINE.repeat(2));
    Files.write(dir.resolve("d/c.bin"), new byte[] {1, 0, 2, 0});
    Result r = run("detect", "--format", "json", dir.resolve("d").toString());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("matches")).hasSize(6);
    assertThat(doc.get("matches").get(0).get("entity").asText()).isEqualTo("CN_RESIDENT_ID");
    JsonNode s = doc.get("summary");
    assertThat(s.get("files").asInt()).isEqualTo(3);
    assertThat(s.get("scanned").asInt()).isEqualTo(2);
    assertThat(s.get("matches").asInt()).isEqualTo(6);
    assertThat(s.get("entities").get("CN_RESIDENT_ID").get("matches").asInt()).isEqualTo(3);
    assertThat(s.get("entities").get("CN_RESIDENT_ID").get("category").asText())
        .isEqualTo("sensitive-pi");
    assertThat(s.get("binary").get(0).asText()).endsWith("d/c.bin");
    assertThat(s.get("byFile")).hasSize(2);
  }

  @Test
  void detect_jsonWithNoMatches_isValidJson() throws IOException {
    Path f = file("clean.txt", "nothing\n");
    JsonNode doc =
        new ObjectMapper().readTree(run("detect", "--format", "json", f.toString()).out());
    assertThat(doc.get("matches")).isEmpty();
    assertThat(doc.get("summary").get("matches").asInt()).isZero();
  }

  @Test
  void detect_entities_filtersAndAcceptsLowerCase() throws IOException {
    Path f = file("a.log", LOG_LINE);
    Result r = run("detect", "--format", "jsonl", "--entities", "cn_mobile", f.toString());
    assertThat(r.lines()).hasSize(1);
    assertThat(r.lines().get(0)).contains("\"entity\":\"CN_MOBILE\"");
  }

  @Test
  void detect_unknownEntity_exits2NamingIt() throws IOException {
    Path f = file("a.log", LOG_LINE);
    Result r = run("detect", "--entities", "CN_MOBILE,SSN", f.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("moat: unknown entity SSN (known: CN_RESIDENT_ID,");
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  void detect_minConfidenceHigh_dropsMedium() throws IOException {
    // No hotword near the ID: validated only, so medium.
    Path f = file("a.txt", "x 110105199003071239 y\n");
    assertThat(run("detect", "--format", "jsonl", f.toString()).lines()).hasSize(1);
    assertThat(run("detect", "--format", "jsonl", "--min-confidence", "high", f.toString()).lines())
        .isEmpty();
  }

  @Test
  void detect_badMinConfidence_exits2InUsersLanguage() throws IOException {
    Path f = file("a.log", LOG_LINE);
    Result en = run("detect", "--min-confidence", "sure", f.toString());
    assertThat(en.code()).isEqualTo(ExitCode.USAGE);
    assertThat(en.err()).isEqualTo("moat: --min-confidence must be low, medium or high: sure\n");
    Result zh = run("--lang", "zh", "detect", "--min-confidence", "sure", f.toString());
    assertThat(zh.err()).isEqualTo("moat：--min-confidence 只能是 low、medium 或 high：sure\n");
  }

  @Test
  void detect_badThreadsOrFormat_exits2() throws IOException {
    Path f = file("a.log", LOG_LINE);
    assertThat(run("detect", "--threads", "-1", f.toString()).err())
        .contains("--threads must be a whole number from 0 to 256: -1");
    assertThat(run("detect", "--threads", "x", f.toString()).code()).isEqualTo(ExitCode.USAGE);
    Result r = run("detect", "--format", "xml", f.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("--format must be table, json or jsonl: xml");
  }

  @Test
  void detect_threads_outputOrderIsDeterministic() throws IOException {
    for (int i = 0; i < 40; i++) {
      file(String.format("many/f%02d.log", i), LOG_LINE.repeat(i % 5));
    }
    String path = dir.resolve("many").toString();
    String one = run("detect", "--format", "jsonl", "--threads", "1", path).out();
    String four = run("detect", "--format", "jsonl", "--threads", "4", path).out();
    assertThat(one.lines()).hasSize(2 * (0 + 1 + 2 + 3 + 4) * 8);
    assertThat(four).isEqualTo(one);
    String json4 = run("detect", "--format", "json", "--threads", "4", path).out();
    assertThat(json4).isEqualTo(run("detect", "--format", "json", "--threads", "1", path).out());
  }

  @Test
  void detect_missingPath_exits2AndWritesNothing() throws IOException {
    Path out = dir.resolve("out.jsonl");
    Files.writeString(out, "previous run\n");
    Result r = run("detect", "-o", out.toString(), dir.resolve("nope.log").toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err())
        .isEqualTo("moat: no such file or directory: " + dir.resolve("nope.log") + "\n");
    assertThat(Files.readString(out)).isEqualTo("previous run\n");
    try (var s = Files.list(dir)) {
      assertThat(s).containsExactly(out);
    }
  }

  @Test
  void detect_output_writesFileAndNothingToStdout() throws IOException {
    Path f = file("a.log", LOG_LINE);
    Path out = dir.resolve("report.jsonl");
    Result r = run("detect", "--format", "jsonl", "-o", out.toString(), f.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readAllLines(out)).hasSize(2);
    try (var s = Files.list(dir)) {
      assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void detect_outputInsideScannedDir_isNotScannedItself() throws IOException {
    file("a.log", LOG_LINE);
    Path out = dir.resolve("report.jsonl");
    Files.writeString(out, "13812345678\n");
    run("detect", "--format", "jsonl", "-o", out.toString(), dir.toString());
    assertThat(Files.readString(out)).doesNotContain("report.jsonl");
    assertThat(Files.readAllLines(out)).hasSize(2);
  }

  @Test
  void detect_outputDirMissing_exits2() throws IOException {
    Path f = file("a.log", LOG_LINE);
    Result r = run("detect", "-o", dir.resolve("no/such/dir/out.txt").toString(), f.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("cannot write the output file");
  }

  @Test
  void detect_binaryFile_skippedWithNote() throws IOException {
    Path bin = Files.write(dir.resolve("x.bin"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1});
    Result r = run("detect", bin.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEqualTo("skipped binary file: " + bin + "\n");
    assertThat(r.out()).contains("Skipped: 1 binary, 0 unreadable.");
  }

  @Test
  void detect_gzipAndGbk_areReadTransparently() throws IOException {
    Path gbk = file("export.csv", "姓名,身份证号\n张三,110105199003071239\n", Charset.forName("GBK"));
    Path gz = dir.resolve("old.log.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      o.write(LOG_LINE.getBytes(StandardCharsets.UTF_8));
    }
    Result r = run("detect", "--format", "json", gbk.toString(), gz.toString());
    JsonNode files = new ObjectMapper().readTree(r.out()).get("summary").get("byFile");
    assertThat(files.get(0).get("charset").asText()).isEqualTo("GB18030");
    // The 姓名 column makes 张三 a name; the 身份证号 column holds the ID.
    assertThat(files.get(0).get("entities").get("CN_RESIDENT_ID").asInt()).isEqualTo(1);
    assertThat(files.get(0).get("entities").get("CN_NAME").asInt()).isEqualTo(1);
    assertThat(files.get(1).get("gzip").asBoolean()).isTrue();
    assertThat(files.get(1).get("matches").asInt()).isEqualTo(2);
  }

  @Test
  void detect_jsonLinesLog_keysNameTheValues_plainLogUnchanged() throws IOException {
    String line =
        "{\"user\":{\"name\":\"张伟\",\"addr\":\"北京市朝阳区建国路88号\"},\"mobile\":\"13812345678\"}\n";
    Path json = file("app.log", line);
    Path text = file("text.log", "user 张伟 addr 北京市朝阳区建国路88号 mobile 13812345678\n");

    Result r = run("detect", "--format", "jsonl", json.toString(), text.toString());

    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).contains("\"path\":\"" + json + "\"", "\"entity\":\"CN_NAME\"");
    assertThat(lines.get(1)).contains("\"entity\":\"CN_ADDRESS\"", "\"start\":29");
    assertThat(lines.get(2)).contains("\"entity\":\"CN_MOBILE\"");
    // the same words as prose: only the mobile number, as before
    assertThat(lines.get(3)).contains("\"path\":\"" + text + "\"", "\"entity\":\"CN_MOBILE\"");
  }

  @Test
  void detect_prettyJsonDocument_keysNameTheValues() throws IOException {
    Path json = file("users.json", "{\n  \"users\": [\n    {\"name\": \"张伟\"}\n  ]\n}\n");

    Result r = run("detect", "--format", "jsonl", json.toString());

    assertThat(r.out().lines().toList())
        .singleElement()
        .asString()
        .contains("\"line\":3", "\"start\":14", "\"entity\":\"CN_NAME\"");
  }

  @Test
  void detect_corruptGzipAmongOthers_notedAndRunContinues() throws IOException {
    file("d/a.log", LOG_LINE);
    Files.write(dir.resolve("d/bad.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3});
    Result r = run("detect", "--fail", dir.resolve("d").toString());
    assertThat(r.code()).isEqualTo(ExitCode.FLAGGED);
    assertThat(r.err()).startsWith("cannot read " + dir.resolve("d/bad.gz") + ": ");
  }

  @Test
  void detect_onlyFileUnreadable_exits3() throws IOException {
    Path bad = Files.write(dir.resolve("bad.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
    Result r = run("detect", bad.toString());
    assertThat(r.code()).isEqualTo(ExitCode.RUNTIME);
    assertThat(r.err()).contains("the file could not be read");
  }

  @Test
  void detect_customDetectorFromConfig_reportsItsEntity() throws IOException {
    Path cfg =
        file(
            "moat.yaml",
            """
            detect:
              custom:
                - entity: EMPLOYEE_ID
                  pattern: 'EMP\\d{6}'
                  hotwords: [工号]
                  category: pi
            mask:
              overrides:
                EMPLOYEE_ID: keep:3:0
            """);
    Path f = file("hr.txt", "工号 EMP123456 入职\n");
    Result r = run("--config", cfg.toString(), "detect", "--format", "jsonl", f.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.lines())
        .singleElement()
        .asString()
        .contains("\"entity\":\"EMPLOYEE_ID\"")
        .contains("\"masked\":\"EMP******\"");
  }

  @Test
  void detect_invalidCustomRegex_exits2WithOneLine() throws IOException {
    Path cfg =
        file("moat.yaml", "detect:\n  custom:\n    - {entity: EMPLOYEE_ID, pattern: 'EMP(\\d'}\n");
    Path f = file("hr.txt", "EMP123456\n");
    Result r = run("--config", cfg.toString(), "detect", f.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith(
            "moat: invalid configuration: detect.custom[0].pattern is not a valid regular expression")
        .hasLineCount(1);
  }

  @Test
  void detect_unknownConfigKey_exits2NamingIt() throws IOException {
    Path cfg = file("moat.yaml", "detect:\n  minConfidnce: high\n");
    Path f = file("a.txt", "x\n");
    Result r = run("--config", cfg.toString(), "detect", f.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("unknown config key detect.minConfidnce");
  }

  @Test
  void detect_missingConfigFile_exits2() throws IOException {
    Path f = file("a.txt", "x\n");
    Result r = run("--config", dir.resolve("none.yaml").toString(), "detect", f.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("config file not found");
  }

  @Test
  void detect_configMinConfidence_overriddenByOption() throws IOException {
    Path cfg = file("moat.yaml", "detect:\n  minConfidence: high\n");
    Path f = file("a.txt", "x 110105199003071239 y\n");
    assertThat(run("--config", cfg.toString(), "detect", "--format", "jsonl", f.toString()).out())
        .isEmpty();
    assertThat(
            run(
                    "--config",
                    cfg.toString(),
                    "detect",
                    "--format",
                    "jsonl",
                    "--min-confidence",
                    "medium",
                    f.toString())
                .lines())
        .hasSize(1);
  }

  @Test
  void detect_hmacOverrideWithoutKey_exits2() throws IOException {
    Path cfg = file("moat.yaml", "mask:\n  overrides:\n    CN_MOBILE: hmac\n");
    Path f = file("a.txt", "13812345678\n");
    Result r = run("--config", cfg.toString(), "detect", f.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("mask.overrides.CN_MOBILE").contains("mask.hmacKey");
  }

  @Test
  void detect_hmacOverrideWithFileKey_tokenisesValues() throws IOException {
    Path key = file("hmac.key", "k3y\n");
    Path cfg =
        file(
            "moat.yaml", "mask:\n  hmacKey: file:" + key + "\n  overrides:\n    CN_MOBILE: hmac\n");
    Path f = file("a.txt", "手机 13812345678\n");
    Result r = run("--config", cfg.toString(), "detect", "--format", "jsonl", f.toString());
    assertThat(r.out()).containsPattern("\"masked\":\"hmac:[0-9a-f]{32}\"").doesNotContain("k3y");
  }

  @Test
  void detect_unknownOption_exits2() throws IOException {
    Path f = file("a.txt", "x\n");
    Result r = run("detect", "--frobnicate", f.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void detect_noPath_exits2() {
    assertThat(run("detect").code()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void detect_help_describesOptionsInChinese() {
    Result r = run("--lang", "zh", "detect", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--min-confidence").contains("只显示脱敏后的值");
  }

  @Test
  void detect_unknownValidator_exits2InUsersLanguage() throws IOException {
    Path cfg =
        file(
            "moat.yaml",
            "detect:\n  custom:\n    - {entity: EMP_ID, pattern: 'EMP\\d{6}', validator: crc32}\n");
    Path f = file("a.txt", "EMP123456\n");
    Result r = run("--lang", "zh", "--config", cfg.toString(), "detect", f.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err())
        .isEqualTo(
            "moat：配置无效：detect.custom[0].validator：未知的校验器 crc32（可用：luhn, cn_resident_id,"
                + " cn_uscc, cn_org_code, cn_mobile）\n");
  }

  @Test
  void detect_everyListedValidator_isAcceptedByTheEngine() throws IOException {
    Path f = file("a.txt", "x\n");
    for (String v : DetectCommand.VALIDATORS) {
      Path cfg =
          file(
              "v-" + v + ".yaml",
              "detect:\n  custom:\n    - {entity: EMP_ID, pattern: 'EMP\\d{6}', validator: "
                  + v
                  + "}\n");
      assertThat(run("--config", cfg.toString(), "detect", f.toString()).code()).as(v).isZero();
    }
  }
}
