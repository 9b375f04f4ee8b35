package dev.moat.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.testing.PersonalData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against the machine's MariaDB (db {@code test}), tables prefixed {@code moat_disc_it_} and
 * dropped after; reached through both {@code jdbc:mariadb:} and {@code jdbc:mysql:}.
 */
final class MariaDbSamplerIT {
  static final String PREFIX = "moat_disc_it_" + Long.toHexString(System.nanoTime() & 0xffffff);
  static final String URL = "jdbc:mariadb://127.0.0.1:3306/test";

  @BeforeAll
  static void seed() throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, "root", "");
        Statement s = c.createStatement()) {
      String cols = PersonalData.columns("varchar(200)");
      s.execute(
          "CREATE TABLE "
              + PREFIX
              + "kehu (id bigint auto_increment primary key, "
              + cols
              + ")"
              + " DEFAULT CHARSET=utf8mb4");
      PersonalData.insert(c, PREFIX + "kehu", 1000, 12);
      s.execute("ANALYZE TABLE " + PREFIX + "kehu");
    }
  }

  @AfterAll
  static void drop() throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, "root", "");
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + PREFIX + "kehu");
    }
  }

  static SampleResult sample(String url) {
    SampleLimits limits =
        new SampleLimits(
            100, 50, Duration.ofSeconds(30), 2, List.of("test." + PREFIX + "*"), List.of());
    return JdbcSampler.of(JdbcTarget.of(url, "root", ""), new Random(3)).sample(limits);
  }

  @Test
  void sample_mariadbUrl_everyColumnClassifiedByPrimaryKeyRanges() {
    SampleResult r = sample(URL);
    assertThat(r.problems()).isEmpty();
    TableSample t = r.tables().get(0);
    assertThat(t.database()).isEqualTo("test");
    assertThat(t.sampled()).isEqualTo(100);
    assertThat(t.rows()).isBetween(500L, 2000L);
    // Range reads from random keys: not simply the first 100 ids.
    Expect.everyColumn(r, PREFIX + "kehu", k -> k);
  }

  @Test
  void sample_mysqlScheme_readsThroughTheMariaDbDriver() {
    SampleResult r = sample("jdbc:mysql://127.0.0.1:3306/test");
    assertThat(r.problems()).isEmpty();
    assertThat(r.tables()).hasSize(1);
  }

  @Test
  void sample_noDefaultDatabase_listsUserDatabasesOnlyWithEstimates() {
    // as moat scan connects: no database in the URL, so every database is listed, but not the
    // system's own, whose tables the server would otherwise open just to name them
    String noDb = "jdbc:mariadb://127.0.0.1:3306/";
    SampleResult r = sample(noDb);
    assertThat(r.problems()).isEmpty();
    assertThat(r.tables()).hasSize(1);
    assertThat(r.tables().get(0).database()).isEqualTo("test");
    assertThat(r.tables().get(0).rows()).isBetween(500L, 2000L);

    SampleResult all =
        JdbcSampler.of(JdbcTarget.of(noDb, "root", "")).sample(SampleLimits.small(1, 500));
    assertThat(all.tables())
        .extracting(TableSample::database)
        .contains("test")
        .doesNotContain("mysql", "information_schema", "performance_schema", "sys");
  }

  @Test
  void sample_wrongPassword_authProblemWithoutPassword() {
    SampleResult r =
        JdbcSampler.of(JdbcTarget.of(URL, "root", "not-the-pw-42"))
            .sample(SampleLimits.small(5, 5));
    assertThat(r.failed()).isTrue();
    assertThat(r.problems().get(0).kind()).isEqualTo(Problem.Kind.AUTH);
    assertThat(r.problems().get(0).detail()).doesNotContain("not-the-pw-42");
  }
}
