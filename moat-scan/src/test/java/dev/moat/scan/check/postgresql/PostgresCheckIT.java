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
  private static LocalServer emptyDefault;

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
    // the data in a database of its own; the default database "postgres" holds no table
    emptyDefault = PostgresServers.trust();
    String admin = "jdbc:postgresql://127.0.0.1:" + emptyDefault.port() + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE crm");
    }
    try (Connection c = DriverManager.getConnection(crm(), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kehu (xingming text, sfzh text)");
      s.execute("INSERT INTO kehu VALUES ('张三', '11010519491231002X')");
    }
  }

  private static String crm() {
    return "jdbc:postgresql://127.0.0.1:" + emptyDefault.port() + "/crm";
  }

  @AfterAll
  static void stop() {
    trust.close();
    scram.close();
    emptyDefault.close();
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
  void emptyDefaultDatabase_loginSessionOnlyThereOtherDatabasesSampled() throws Exception {
    long before = sessions("postgres");
    PortResult r = ScanTesting.inspect(emptyDefault.port());

    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.exposure()).containsKey("CN_RESIDENT_ID");
              assertThat(String.join("\n", f.evidence())).contains("databases: crm, postgres");
            });
    // "postgres" saw the login session alone, no sampler session: it holds no table
    assertThat(sessions("postgres") - before).isEqualTo(1);
  }

  /** Sessions that have ended in {@code db}, once no session is left there. */
  private static long sessions(String db) throws Exception {
    try (Connection c = DriverManager.getConnection(crm(), "postgres", "");
        Statement s = c.createStatement()) {
      for (int i = 0; i < 100; i++) {
        try (var rs =
            s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + db + "'")) {
          rs.next();
          if (rs.getLong(1) == 0) {
            break;
          }
        }
        Thread.sleep(50);
      }
      try (var rs =
          s.executeQuery("SELECT sessions FROM pg_stat_database WHERE datname = '" + db + "'")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void scramCluster_isLockedWithNoFinding() {
    PortResult r = ScanTesting.inspect(scram.port());

    assertThat(r.service().service()).isEqualTo("postgresql");
    assertThat(r.service().auth()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }
}
