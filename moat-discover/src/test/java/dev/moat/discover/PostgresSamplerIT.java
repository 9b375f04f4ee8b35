package dev.moat.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.testing.PersonalData;
import dev.moat.testing.Poll;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against the machine's PostgreSQL (db {@code test}), in a schema of its own that is dropped after:
 * classification of every generated column, and the proof through {@code pg_stat_user_tables} that
 * sampling a multi-million-row table reads about the sample, not the table.
 */
final class PostgresSamplerIT {
  static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String SCHEMA = "moat_disc_it_" + Long.toHexString(System.nanoTime());
  static final long BIG_ROWS = 2_000_000;

  static Connection admin() throws SQLException {
    return DriverManager.getConnection(URL, "postgres", "");
  }

  @BeforeAll
  static void seed() throws SQLException {
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + SCHEMA);
      String cols = PersonalData.columns("text");
      s.execute("CREATE TABLE " + SCHEMA + ".kehu (id bigserial primary key, " + cols + ")");
      s.execute("COMMENT ON COLUMN " + SCHEMA + ".kehu.f_07 IS '联系电话'");
      PersonalData.insert(c, SCHEMA + ".kehu", 300, 11);
      s.execute("CREATE TABLE " + SCHEMA + ".big (id bigint primary key, sfzh text, note text)");
      s.execute(
          "INSERT INTO "
              + SCHEMA
              + ".big SELECT g, '11010519491231002X', 'n' || g"
              + " FROM generate_series(1, "
              + BIG_ROWS
              + ") g");
      s.execute("ANALYZE " + SCHEMA + ".big");
      s.execute("ANALYZE " + SCHEMA + ".kehu");
    }
  }

  @AfterAll
  static void drop() throws SQLException {
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
  }

  static SampleResult sample(String include, int n) {
    SampleLimits limits =
        new SampleLimits(n, 100, Duration.ofSeconds(30), 2, List.of(include), List.of());
    return JdbcSampler.of(JdbcTarget.of(URL, "postgres", ""), new Random(5)).sample(limits);
  }

  @Test
  void sample_generatedPeople_everyColumnClassified() {
    SampleResult r = sample(SCHEMA + ".kehu", 100);
    assertThat(r.problems()).isEmpty();
    TableSample t = r.tables().get(0);
    assertThat(t.rows()).isEqualTo(300);
    assertThat(t.sampled()).isEqualTo(100);
    List<InventoryColumn> cols =
        new Discovery(
                ColumnClassifier.standard(), SampleLimits.defaults(), java.time.Clock.systemUTC())
            .classify(r, java.time.Instant.now());
    Map<String, String> got =
        cols.stream()
            .filter(c -> !c.column().equals("id"))
            .collect(
                Collectors.toMap(
                    InventoryColumn::column,
                    c -> String.valueOf(c.entity()),
                    (a, b) -> a,
                    java.util.LinkedHashMap::new));
    Map<String, String> want = new java.util.LinkedHashMap<>();
    PersonalData.EXPECTED.forEach((k, v) -> want.put(k, String.valueOf(v)));
    assertThat(got).isEqualTo(want);
  }

  static long rowsRead() throws SQLException {
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("SELECT pg_stat_clear_snapshot()");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT coalesce(seq_tup_read,0) + coalesce(idx_tup_fetch,0) FROM pg_stat_user_tables"
                  + " WHERE schemaname = '"
                  + SCHEMA
                  + "' AND relname = 'big'")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void sample_multiMillionRowTable_readsNearTheSampleSize() throws SQLException {
    long before = rowsRead();
    long scansBefore = seqScans();
    SampleResult r = sample(SCHEMA + ".big", 100);
    assertThat(r.problems()).isEmpty();
    TableSample t = r.tables().get(0);
    assertThat(t.sampled()).isEqualTo(100);
    assertThat(t.rows()).isBetween(BIG_ROWS / 2, BIG_ROWS * 2);
    // Statistics reach the shared view when the sampler's backend exits; wait for them.
    Poll.until(
        Duration.ofSeconds(10),
        "pg_stat_user_tables to count the sample",
        () -> {
          try {
            return rowsRead() > before;
          } catch (SQLException e) {
            return false;
          }
        });
    long read = rowsRead() - before;
    assertThat(read)
        .as("rows read for a 100-row sample of %d rows", BIG_ROWS)
        .isBetween(100L, 2_000L);
    assertThat(seqScans() - scansBefore).isLessThanOrEqualTo(1);
  }

  static long seqScans() throws SQLException {
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("SELECT pg_stat_clear_snapshot()");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT coalesce(seq_scan,0) FROM pg_stat_user_tables"
                  + " WHERE schemaname = '"
                  + SCHEMA
                  + "' AND relname = 'big'")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void sample_wrongPassword_reportedAsAuthWithoutThePassword() {
    SampleResult r =
        JdbcSampler.of(JdbcTarget.of(URL, "moat_no_such_user", "s3cret-pw"))
            .sample(SampleLimits.small(5, 5));
    assertThat(r.failed()).isTrue();
    assertThat(r.problems().get(0).kind()).isIn(Problem.Kind.AUTH, Problem.Kind.OTHER);
    assertThat(r.problems().get(0).detail()).doesNotContain("s3cret-pw");
  }

  @Test
  void sample_readOnly_writesAreRefused() throws SQLException {
    JdbcTarget t = JdbcTarget.of(URL, "postgres", "");
    try (JdbcConnector c = new JdbcConnector(t);
        Connection conn = c.open(Duration.ofSeconds(5));
        Statement s = conn.createStatement()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> s.execute("CREATE TABLE " + SCHEMA + ".nope (x int)"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("read-only");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
