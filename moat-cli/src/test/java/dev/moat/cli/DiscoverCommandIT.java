package dev.moat.cli;

import static dev.moat.cli.CliRun.moat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moat.testing.PersonalData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code moat discover} end to end against the machine's PostgreSQL (schema of its own, dropped
 * after): JSON contract, the store's diff after a schema change, the XLSX inventory read back with
 * POI, {@code --fail-on}, and bad input. Tests run in order because the diff builds on earlier
 * runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class DiscoverCommandIT {
  static final String SCHEMA = "moat_disc_cli_" + Long.toHexString(System.nanoTime());
  static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;

  static Connection pg() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
  }

  @BeforeAll
  static void seed() throws SQLException {
    try (Connection c = pg();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + SCHEMA);
      String cols = PersonalData.columns("text");
      s.execute("CREATE TABLE " + SCHEMA + ".kehu (" + cols + ")");
      PersonalData.insert(c, SCHEMA + ".kehu", 200, 77);
      // Row counts come from statistics, as on any production database autovacuum has analysed.
      s.execute("ANALYZE " + SCHEMA + ".kehu");
    }
  }

  @AfterAll
  static void drop() throws SQLException {
    try (Connection c = pg();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
  }

  static String[] args(String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "--lang",
                "en",
                "discover",
                "--store",
                dir.resolve("home/.moat/moat.db").toString(),
                "--include",
                SCHEMA + ".*"));
    a.addAll(List.of(extra));
    a.add(URL);
    return a.toArray(String[]::new);
  }

  static Map<String, JsonNode> byColumn(JsonNode doc) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    doc.get("columns").forEach(c -> m.put(c.get("column").asText(), c));
    return m;
  }

  @Test
  @Order(1)
  void firstRun_json_contractAndEveryColumn() throws Exception {
    CliRun r = moat(args("--format", "json"));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("sources").get(0).get("status").asText()).isEqualTo("ok");
    List<String> keys = new ArrayList<>();
    doc.get("columns").get(0).fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly(
            "source",
            "database",
            "schema",
            "table",
            "column",
            "entity",
            "confidence",
            "hitRate",
            "sampled",
            "rows",
            "category",
            "level",
            "examples",
            "firstSeen",
            "change");
    Map<String, String> got = new LinkedHashMap<>();
    byColumn(doc)
        .forEach(
            (k, v) -> got.put(k, v.get("entity").isNull() ? "null" : v.get("entity").asText()));
    Map<String, String> want = new LinkedHashMap<>();
    PersonalData.EXPECTED.forEach((k, v) -> want.put(k, String.valueOf(v)));
    assertThat(got).isEqualTo(want);
    JsonNode sfzh = byColumn(doc).get("sfzh");
    assertThat(sfzh.get("category").asText()).isEqualTo("sensitive-pi");
    assertThat(sfzh.get("level").asText()).isEqualTo("general");
    assertThat(sfzh.get("change").asText()).isEqualTo("new");
    assertThat(sfzh.get("schema").asText()).isEqualTo(SCHEMA);
    assertThat(sfzh.get("rows").asLong()).isEqualTo(200);
    assertThat(sfzh.get("examples").get(0).asText()).matches("\\d{6}\\*{8}\\d{3}[\\dX]");
    assertThat(Files.getPosixFilePermissions(dir.resolve("home/.moat")))
        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  @Order(2)
  void secondRun_afterSchemaChange_diffAgainstFirst() throws Exception {
    Map<String, JsonNode> before = byColumn(JSON.readTree(moat(args("--format", "json")).out()));
    try (Connection c = pg();
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE " + SCHEMA + ".kehu DROP COLUMN mobile");
      s.execute("ALTER TABLE " + SCHEMA + ".kehu ADD COLUMN lxdh text");
      s.execute("UPDATE " + SCHEMA + ".kehu SET lxdh = shouji, c1 = phone_model");
    }
    CliRun r = moat(args("--format", "json"));
    assertThat(r.code()).as(r.err()).isZero();
    Map<String, JsonNode> after = byColumn(JSON.readTree(r.out()));
    Map<String, String> changes = new HashMap<>();
    after.forEach((k, v) -> changes.put(k, v.get("change").asText()));
    assertThat(changes.get("mobile")).isEqualTo("removed");
    assertThat(changes.get("lxdh")).isEqualTo("new");
    assertThat(changes.get("c1")).isEqualTo("changed");
    assertThat(after.get("c1").get("entity").isNull()).isTrue();
    assertThat(changes.get("sfzh")).isEqualTo("unchanged");
    assertThat(after.get("sfzh").get("firstSeen")).isEqualTo(before.get("sfzh").get("firstSeen"));
    assertThat(after.get("lxdh").get("entity").asText()).isEqualTo("CN_MOBILE");
  }

  @Test
  @Order(3)
  void xlsx_chineseHeaders_readBackWithPoi() throws Exception {
    Path xlsx = dir.resolve("清单.xlsx");
    List<String> a = new ArrayList<>(List.of(args("--format", "xlsx", "-o", xlsx.toString())));
    a.set(1, "zh");
    CliRun r = moat(a.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    try (InputStream in = Files.newInputStream(xlsx);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Sheet sheet = wb.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("数据资产清单");
      DataFormatter f = new DataFormatter();
      List<String> header = new ArrayList<>();
      sheet.getRow(0).forEach(c -> header.add(f.formatCellValue(c)));
      assertThat(header)
          .containsExactly(
              "数据源", "库", "表", "字段", "数据类别", "敏感级别", "记录数", "命中率", "脱敏样例", "首次发现", "变化");
      Map<String, List<String>> rows = new HashMap<>();
      for (Row row : sheet) {
        if (row.getRowNum() > 0) {
          List<String> cells = new ArrayList<>();
          row.forEach(c -> cells.add(f.formatCellValue(c)));
          rows.put(cells.get(3), cells);
        }
      }
      List<String> sfzh = rows.get("sfzh");
      assertThat(sfzh.get(1)).isEqualTo("test." + SCHEMA);
      assertThat(sfzh.get(2)).isEqualTo("kehu");
      assertThat(sfzh.get(4)).isEqualTo("居民身份证号（敏感个人信息）");
      assertThat(sfzh.get(5)).isEqualTo("一般数据");
      assertThat(sfzh.get(6)).isEqualTo("200");
      assertThat(sfzh.get(7)).isEqualTo("100%");
      assertThat(sfzh.get(8)).contains("********");
      assertThat(sfzh.get(10)).isEqualTo("无变化");
      assertThat(rows.get("phone_model").get(4)).isEqualTo("—");
      assertThat(((XSSFSheet) sheet).getPaneInformation().isFreezePane()).isTrue();
      assertThat(((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef()).startsWith("A1:K");
    }
  }

  @Test
  @Order(4)
  void failOn_sensitivePi_exits1_core_exits0() {
    assertThat(moat(args("--no-store", "--fail-on", "sensitive-pi")).code()).isEqualTo(1);
    assertThat(moat(args("--no-store", "--fail-on", "general")).code()).isEqualTo(1);
    assertThat(moat(args("--no-store", "--fail-on", "core")).code()).isZero();
  }

  @Test
  @Order(5)
  void badSources_reportedRunContinues() {
    CliRun r =
        moat(
            "--lang",
            "en",
            "discover",
            "--no-store",
            "--include",
            SCHEMA + ".*",
            "jdbc:postgresql://127.0.0.1:1/test",
            "jdbc:postgresql://127.0.0.1:5432/test?user=nobody_x&password=Pw-9z",
            "ftp://example",
            URL);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("127.0.0.1:1/test: cannot reach the source")
        .contains("unsupported source")
        .doesNotContain("Pw-9z");
    assertThat(r.out()).contains("sfzh");
  }

  @Test
  @Order(6)
  void nothingReadable_exit3_inChinese() {
    CliRun r =
        moat(
            "--lang",
            "zh",
            "discover",
            "--no-store",
            "jdbc:postgresql://127.0.0.1:1/test",
            dir.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("无法连接数据源").contains("没有任何数据源可以读取");
  }

  @Test
  @Order(7)
  void usageErrors_exit2_nothingWritten() {
    Path out = dir.resolve("x.json");
    assertThat(moat(args("--format", "pdf", "-o", out.toString())).code()).isEqualTo(2);
    assertThat(moat(args("--format", "xlsx")).code()).isEqualTo(2);
    assertThat(moat(args("--fail-on", "secret")).code()).isEqualTo(2);
    assertThat(moat(args("--password-env", "MOAT_NO_SUCH_VARIABLE_X")).code()).isEqualTo(2);
    assertThat(moat(args("--sample", "0")).code()).isEqualTo(2);
    assertThat(out).doesNotExist();
  }
}
