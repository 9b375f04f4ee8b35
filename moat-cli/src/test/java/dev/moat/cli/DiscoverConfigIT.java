package dev.moat.cli;

import static dev.moat.cli.CliRun.moat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moat.testing.PersonalData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials from {@code moat.yaml}: the machine's MariaDB gets a database and an account with a
 * password of their own; {@code moat discover} reads the database only with the account the config
 * file names, finds the configured sources when none is given, and never prints the password.
 */
final class DiscoverConfigIT {
  static final String ID = Long.toHexString(System.nanoTime());
  static final String DB = "moat_cfg_" + ID;
  static final String USER = "moat_cfg_" + ID;
  static final String PASSWORD = "Cfg-" + ID + "-pw";
  static final String URL = "jdbc:mariadb://127.0.0.1:3306/" + DB;
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;

  static Connection root() throws SQLException {
    return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/test", "root", "");
  }

  @BeforeAll
  static void seed() throws SQLException {
    try (Connection c = root();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DB);
      s.execute("CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "'");
      s.execute("GRANT SELECT ON " + DB + ".* TO '" + USER + "'@'127.0.0.1'");
      String cols = PersonalData.columns("varchar(200)");
      s.execute("CREATE TABLE " + DB + ".kehu (" + cols + ")");
      PersonalData.insert(c, DB + ".kehu", 120, 11);
      s.execute("ANALYZE TABLE " + DB + ".kehu");
    }
  }

  @AfterAll
  static void drop() throws SQLException {
    try (Connection c = root();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DB);
      s.execute("DROP USER IF EXISTS '" + USER + "'@'127.0.0.1'");
    }
  }

  static Path config(String passwordRef) throws Exception {
    Path pw = dir.resolve("db.pass");
    Files.writeString(pw, PASSWORD + "\n");
    Path cfg = dir.resolve("moat-" + Long.toHexString(System.nanoTime()) + ".yaml");
    Files.writeString(
        cfg,
        "discover:\n"
            + "  sample: 60\n"
            + "  sources:\n"
            + "    - url: "
            + URL
            + "\n"
            + "      user: "
            + USER
            + "\n"
            + "      password: "
            + passwordRef.replace("PWFILE", pw.toString())
            + "\n");
    return cfg;
  }

  static String[] args(Path cfg, String... sources) {
    List<String> a =
        new ArrayList<>(
            List.of("--lang", "en", "--config", cfg.toString(), "discover", "--no-store"));
    a.addAll(List.of("--format", "json"));
    a.addAll(List.of(sources));
    return a.toArray(String[]::new);
  }

  @Test
  void namedSource_usesTheConfiguredAccount_passwordNeverShown() throws Exception {
    CliRun r = moat(args(config("file:PWFILE"), URL));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    List<String> sensitive = new ArrayList<>();
    doc.get("columns")
        .forEach(
            c -> {
              if (!c.get("entity").isNull()) {
                sensitive.add(c.get("column").asText());
              }
            });
    assertThat(sensitive).contains("id_card", "sfzh", "c1").doesNotContain("order_no");
    assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
  }

  @Test
  void noSourceGiven_readsTheConfiguredSources() throws Exception {
    CliRun r = moat(args(config("file:PWFILE")));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(JSON.readTree(r.out()).get("columns").size()).isGreaterThan(0);
  }

  @Test
  void withoutTheConfiguredPassword_loginRefused_exit3() throws Exception {
    Path noPassword = dir.resolve("no-password.yaml");
    Files.writeString(
        noPassword, "discover:\n  sources:\n    - url: " + URL + "\n      user: " + USER + "\n");
    CliRun r = moat(args(noPassword, URL));
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("login refused").contains("No source could be read");
  }

  @Test
  void configErrors_exit2_secretNeverEchoed() throws Exception {
    CliRun literal = moat(args(config(PASSWORD), URL));
    assertThat(literal.code()).isEqualTo(2);
    assertThat(literal.err())
        .contains("discover.sources[0].password must be a secret reference")
        .doesNotContain(PASSWORD);
    CliRun missingVar = moat(args(config("env:MOAT_CFG_IT_UNSET_" + ID), URL));
    assertThat(missingVar.code()).isEqualTo(2);
    assertThat(missingVar.err()).contains("MOAT_CFG_IT_UNSET_" + ID).contains("is not set");
    Path empty = dir.resolve("none.yaml");
    Files.writeString(empty, "discover:\n  sample: 10\n");
    CliRun none = moat(args(empty));
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("No source given");
  }
}
