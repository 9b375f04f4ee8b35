package dev.moat.scan.check.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.core.Severity;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.testing.LocalServer;
import dev.moat.testing.PostgresServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class PostgresCheckIT {
  private static LocalServer trust;
  private static LocalServer scram;

  @BeforeAll
  static void start() throws SQLException {
    trust = PostgresServers.trust();
    scram = PostgresServers.scram();
    String url = "jdbc:postgresql://127.0.0.1:" + trust.port() + "/postgres";
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kehu (xingming text, sfzh text, shouji text)");
      s.execute(
          "INSERT INTO kehu VALUES ('张三', '11010519491231002X', '13812345678'),"
              + " ('李四', '110105194912310029', '13912345678')");
      s.execute("ANALYZE kehu");
    }
  }

  @AfterAll
  static void stop() {
    trust.close();
    scram.close();
  }

  @Test
  void trustCluster_isCriticalWithMaskedIdNumbers() {
    PortResult r = ScanTesting.inspect(trust.port());

    assertThat(r.service().service()).isEqualTo("postgresql");
    assertThat(r.service().version()).startsWith("15.");
    assertThat(r.service().auth()).isEqualTo(Auth.NONE);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("postgresql.trust");
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.exposure()).containsKey("CN_RESIDENT_ID");
              assertThat(String.join("\n", f.evidence()))
                  .contains("databases: postgres")
                  .doesNotContain("11010519491231002X")
                  .doesNotContain("13812345678");
            });
  }

  @Test
  void scramCluster_isLockedWithNoFinding() {
    PortResult r = ScanTesting.inspect(scram.port());

    assertThat(r.service().service()).isEqualTo("postgresql");
    assertThat(r.service().auth()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }
}
