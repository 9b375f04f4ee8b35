package dev.moat.scan.check.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.core.Severity;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.testing.LocalServer;
import dev.moat.testing.MariaDbServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class MysqlCheckIT {
  private static LocalServer empty;
  private static LocalServer stock;
  private static LocalServer noTables;

  @BeforeAll
  static void start() throws SQLException {
    empty = MariaDbServers.emptyRootPassword();
    stock = MariaDbServers.stock();
    noTables = MariaDbServers.emptyRootPassword();
    String url = "jdbc:mariadb://127.0.0.1:" + empty.port() + "/";
    try (Connection c = DriverManager.getConnection(url, "root", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE crm CHARACTER SET utf8mb4");
      s.execute("CREATE TABLE crm.kehu (xingming VARCHAR(20), sfzh VARCHAR(18))");
      s.execute("INSERT INTO crm.kehu VALUES ('张三', '11010519491231002X')");
    }
  }

  @AfterAll
  static void stop() {
    empty.close();
    stock.close();
    noTables.close();
  }

  @Test
  void emptyRootPassword_isCriticalDefaultCredentials() {
    PortResult r = ScanTesting.inspect(empty.port());

    assertThat(r.service().service()).isEqualTo("mysql");
    assertThat(r.service().product()).isEqualTo("MariaDB");
    assertThat(r.service().version()).matches("10\\.\\d+\\.\\d+");
    assertThat(r.service().auth()).isEqualTo(Auth.DEFAULT_CREDENTIALS);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("mysql.empty-password");
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.exposure()).containsKey("CN_RESIDENT_ID");
              assertThat(String.join("\n", f.evidence()))
                  .contains("databases with tables: crm (1)")
                  .doesNotContain("11010519491231002X");
            });
  }

  @Test
  void emptyRootPasswordNoTables_criticalWithNothingToSample() {
    PortResult r = ScanTesting.inspect(noTables.port());

    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.exposure()).isEmpty();
              assertThat(f.evidence()).contains("no tables outside the system databases");
            });
  }

  @Test
  void stockMariaDb_rootOnUnixSocket_isLockedOverTcp() {
    PortResult r = ScanTesting.inspect(stock.port());

    assertThat(r.service().service()).isEqualTo("mysql");
    assertThat(r.service().auth()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }
}
