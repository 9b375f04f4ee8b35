package dev.moat.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file database read through {@code --driver-path}: the driver jar (H2's own, copied out of
 * the class path) is loaded in a class loader of its own, as for 达梦 or 人大金仓.
 */
final class DriverPathTest {
  @TempDir Path dir;

  static Path h2Jar() throws Exception {
    return Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void driverJar_h2File_sampledThroughStandardMetadata() throws Exception {
    String url = "jdbc:h2:" + dir.resolve("crm").toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE KEHU (ID INT PRIMARY KEY, SFZH VARCHAR(18), PHONE_MODEL VARCHAR(40))");
      s.execute("COMMENT ON COLUMN KEHU.SFZH IS '身份证号'");
      for (int i = 0; i < 30; i++) {
        s.execute("INSERT INTO KEHU VALUES (" + i + ", '11010519491231002X', 'Mate " + i + "')");
      }
    }
    Path jar = dir.resolve("vendor-driver.jar");
    Files.copy(h2Jar(), jar);
    SampleResult r =
        JdbcSampler.of(new JdbcTarget(url, "sa", "", jar)).sample(SampleLimits.small(20, 10));
    assertThat(r.problems()).isEmpty();
    TableSample t = r.tables().get(0);
    assertThat(t.schema()).isEqualTo("PUBLIC");
    assertThat(t.table()).isEqualTo("KEHU");
    assertThat(t.sampled()).isEqualTo(20);
    assertThat(t.columns()).extracting(ColumnSample::comment).contains("身份证号");
    List<InventoryColumn> cols = FileSamplerTest.classify(r);
    assertThat(cols)
        .extracting(c -> c.column() + "=" + c.entity())
        .containsExactly("ID=null", "SFZH=CN_RESIDENT_ID", "PHONE_MODEL=null");
  }

  @Test
  void driverJar_missing_unreachable() {
    SampleResult r =
        JdbcSampler.of(
                new JdbcTarget("jdbc:dm://127.0.0.1:5236", "SYSDBA", "x", dir.resolve("no.jar")))
            .sample(SampleLimits.small(5, 5));
    assertThat(r.failed()).isTrue();
    assertThat(r.problems().get(0).detail()).contains("driver jar not found");
  }
}
