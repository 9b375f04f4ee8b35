package dev.moat.discover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moat.testing.PersonalData;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FileSamplerTest {
  @TempDir static Path dir;
  static final List<Map<String, String>> ROWS = PersonalData.rows(120, 31);

  @BeforeAll
  static void write() throws Exception {
    List<String> cols = new ArrayList<>(PersonalData.EXPECTED.keySet());
    // CSV, UTF-8, quoted free text
    StringBuilder csv = new StringBuilder(String.join(",", cols)).append('\n');
    for (Map<String, String> r : ROWS) {
      List<String> cells = new ArrayList<>();
      for (String c : cols) {
        cells.add("\"" + r.get(c).replace("\"", "\"\"") + "\"");
      }
      csv.append(String.join(",", cells)).append('\n');
    }
    Files.writeString(dir.resolve("kehu.csv"), csv);
    // TSV in GBK, gzip-compressed
    StringBuilder tsv = new StringBuilder(String.join("\t", cols)).append('\n');
    for (Map<String, String> r : ROWS) {
      tsv.append(String.join("\t", cols.stream().map(r::get).toList())).append('\n');
    }
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(dir.resolve("gbk.tsv.gz")))) {
      o.write(tsv.toString().getBytes(Charset.forName("GBK")));
    }
    // JSON Lines with nested objects
    ObjectMapper m = new ObjectMapper();
    StringBuilder jsonl = new StringBuilder();
    for (Map<String, String> r : ROWS) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("user", Map.of("phone", r.get("mobile"), "sfzh", r.get("sfzh")));
      doc.put("order_no", r.get("order_no"));
      jsonl.append(m.writeValueAsString(doc)).append('\n');
    }
    Files.writeString(dir.resolve("orders.jsonl"), jsonl);
    // XLSX with a title-less header row on sheet 客户
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream o = Files.newOutputStream(dir.resolve("名单.xlsx"))) {
      Sheet s = wb.createSheet("客户");
      Row h = s.createRow(0);
      for (int i = 0; i < cols.size(); i++) {
        h.createCell(i).setCellValue(cols.get(i));
      }
      int n = 1;
      for (Map<String, String> r : ROWS) {
        Row row = s.createRow(n++);
        for (int i = 0; i < cols.size(); i++) {
          row.createCell(i).setCellValue(r.get(cols.get(i)));
        }
      }
      wb.write(o);
    }
    // a log with mobile numbers in free text
    StringBuilder log = new StringBuilder();
    for (Map<String, String> r : ROWS) {
      log.append("2026-11-28 10:00:00 INFO sms sent to ").append(r.get("mobile")).append(" ok\n");
    }
    Files.writeString(dir.resolve("app.log"), log);
    // a SQLite file
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("local.db"));
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE yonghu (sfzh TEXT, shouji TEXT, phone_model TEXT)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO yonghu VALUES (?, ?, ?)")) {
        for (Map<String, String> r : ROWS) {
          ps.setString(1, r.get("sfzh"));
          ps.setString(2, r.get("shouji"));
          ps.setString(3, r.get("phone_model"));
          ps.executeUpdate();
        }
      }
    }
  }

  static SampleResult sample(String include) {
    return FileSampler.of(dir, new Random(1))
        .sample(new SampleLimits(100, 100, Duration.ofSeconds(10), 1, List.of(include), List.of()));
  }

  @Test
  void csv_headerRow_everyColumnClassified() {
    SampleResult r = sample("*kehu.csv");
    assertThat(r.problems()).isEmpty();
    assertThat(r.tables().get(0).rows()).isEqualTo(120);
    Expect.everyColumn(r, dir.resolve("kehu.csv").toString(), k -> k);
  }

  @Test
  void tsv_gbkGzip_decodedAndClassified() {
    SampleResult r = sample("*gbk.tsv.gz");
    assertThat(r.problems()).isEmpty();
    Expect.everyColumn(r, dir.resolve("gbk.tsv.gz").toString(), k -> k);
  }

  @Test
  void xlsx_sheetHeader_everyColumnClassified() {
    SampleResult r = sample("*.xlsx");
    assertThat(r.problems()).isEmpty();
    String table = dir.resolve("名单.xlsx") + "#客户";
    assertThat(r.tables()).extracting(TableSample::table).containsExactly(table);
    Expect.everyColumn(r, table, k -> k);
  }

  @Test
  void jsonl_nestedFields_pathsClassified() {
    SampleResult r = sample("*.jsonl");
    List<InventoryColumn> cols = classify(r);
    assertThat(cols)
        .extracting(c -> c.column() + "=" + c.entity())
        .containsExactlyInAnyOrder(
            "user.phone=CN_MOBILE", "user.sfzh=CN_RESIDENT_ID", "order_no=null");
  }

  @Test
  void log_freeText_starColumnWithMobiles() {
    List<InventoryColumn> cols = classify(sample("*.log"));
    assertThat(cols).extracting(c -> c.column() + "=" + c.entity()).containsExactly("*=CN_MOBILE");
  }

  @Test
  void sqliteFile_tablesUnderTheFileName() {
    SampleResult r = sample("*.db");
    assertThat(r.problems()).isEmpty();
    assertThat(r.tables())
        .extracting(TableSample::database)
        .containsExactly(dir.resolve("local.db").toString());
    assertThat(classify(r))
        .extracting(c -> c.column() + "=" + c.entity())
        .containsExactly("sfzh=CN_RESIDENT_ID", "shouji=CN_MOBILE", "phone_model=null");
  }

  @Test
  void missingPath_failedSource() {
    SampleResult r = FileSampler.of(dir.resolve("nope")).sample(SampleLimits.defaults());
    assertThat(r.failed()).isTrue();
    assertThat(r.problems().get(0).kind()).isEqualTo(Problem.Kind.UNREACHABLE);
  }

  static List<InventoryColumn> classify(SampleResult r) {
    return new Discovery(
            ColumnClassifier.standard(), SampleLimits.defaults(), java.time.Clock.systemUTC())
        .classify(r, java.time.Instant.now());
  }

  @Test
  void redact_urlPasswords_masked() {
    assertThat(Redact.source("jdbc:postgresql://h/db?user=a&password=xyz&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
    assertThat(Redact.source("redis://user:pw@h:6379/0")).isEqualTo("redis://user:***@h:6379/0");
    assertThat(new String("x".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .isEqualTo("x");
  }
}
