package dev.moat.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The store's tests again on the machine's PostgreSQL ({@code --store jdbc:postgresql://…}): each
 * store is a database of its own, created here, migrated by Flyway and dropped after.
 */
final class StorePostgresIT extends StoreTest {
  private static final String PREFIX = "moat_store_it_" + Long.toHexString(System.nanoTime());
  private static final List<String> CREATED = new ArrayList<>();

  static Connection admin() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
  }

  @Override
  Store open(String name) {
    String db = PREFIX + "_" + name;
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
      CREATED.add(db);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return Store.open("jdbc:postgresql://127.0.0.1:5432/" + db + "?user=postgres", null, null);
  }

  @Test
  void migrations_createTheSchemaInPostgres() throws SQLException {
    open("schema").close();
    String url = "jdbc:postgresql://127.0.0.1:5432/" + PREFIX + "_schema";
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
      rs.next();
      assertThat(rs.getInt(1)).isPositive();
    }
  }

  @AfterAll
  static void drop() throws SQLException {
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      for (String db : CREATED) {
        s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      }
    }
  }
}
