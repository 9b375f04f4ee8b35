package dev.moat.store;

import dev.moat.core.Category;
import dev.moat.core.Level;
import dev.moat.core.detect.Confidence;
import dev.moat.discover.Change;
import dev.moat.discover.InventoryColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/** Discovery runs: one instance per transaction. */
final class DiscoveryDao {
  private final Handle h;

  DiscoveryDao(Handle h) {
    this.h = h;
  }

  List<InventoryColumn> save(
      String source, Instant at, String status, String message, List<InventoryColumn> columns) {
    String sourceId = sourceId(source, at);
    Map<String, Stored> previous = new LinkedHashMap<>();
    for (Stored s : previousRun(sourceId)) {
      previous.put(s.column().key(), s);
    }
    String runId = UUID.randomUUID().toString();
    h.createUpdate(
            "INSERT INTO discovery_run (id, source_id, started_at, status, message)"
                + " VALUES (?, ?, ?, ?, ?)")
        .bind(0, runId)
        .bind(1, sourceId)
        .bind(2, at.toString())
        .bind(3, status)
        .bind(4, message)
        .execute();
    List<InventoryColumn> out = new ArrayList<>();
    Map<String, Boolean> tablesSeen = new LinkedHashMap<>();
    for (InventoryColumn c : columns) {
      Stored prev = previous.remove(c.key());
      InventoryColumn withHistory;
      if (prev == null) {
        withHistory = c.withHistory(firstSeen(sourceId, c).orElse(at), Change.NEW, null, null);
      } else {
        InventoryColumn p = prev.column();
        boolean same =
            Objects.equals(p.entity(), c.entity())
                && p.level() == c.level()
                && p.category() == c.category();
        withHistory =
            same
                ? c.withHistory(p.firstSeen(), Change.UNCHANGED, null, null)
                : c.withHistory(p.firstSeen(), Change.CHANGED, p.entity(), p.level());
      }
      String columnId = upsertColumn(sourceId, withHistory, at);
      if (tablesSeen.put(c.database() + "\u0000" + c.schema() + "\u0000" + c.table(), true)
          == null) {
        upsertTable(sourceId, c, at);
      }
      insertResult(runId, columnId, withHistory);
      out.add(withHistory);
    }
    for (Stored gone : previous.values()) {
      InventoryColumn p = gone.column();
      InventoryColumn removed = p.withHistory(p.firstSeen(), Change.REMOVED, p.entity(), p.level());
      insertResult(runId, gone.columnId(), removed);
      out.add(removed);
    }
    return out;
  }

  List<InventoryColumn> latest(String source) {
    Optional<String> id =
        h.createQuery("SELECT id FROM source WHERE name = ?")
            .bind(0, source)
            .mapTo(String.class)
            .findOne();
    if (id.isEmpty()) {
      return List.of();
    }
    return previousRun(id.get()).stream().map(Stored::column).toList();
  }

  private record Stored(String columnId, InventoryColumn column) {}

  private String sourceId(String source, Instant at) {
    Optional<String> id =
        h.createQuery("SELECT id FROM source WHERE name = ?")
            .bind(0, source)
            .mapTo(String.class)
            .findOne();
    if (id.isPresent()) {
      return id.get();
    }
    String fresh = UUID.randomUUID().toString();
    h.createUpdate("INSERT INTO source (id, name, created_at) VALUES (?, ?, ?)")
        .bind(0, fresh)
        .bind(1, source)
        .bind(2, at.toString())
        .execute();
    return fresh;
  }

  /** The non-removed results of the latest run over the source. */
  private List<Stored> previousRun(String sourceId) {
    Optional<String> run =
        h.createQuery(
                "SELECT id FROM discovery_run WHERE source_id = ?"
                    + " ORDER BY started_at DESC, id DESC LIMIT 1")
            .bind(0, sourceId)
            .mapTo(String.class)
            .findOne();
    if (run.isEmpty()) {
      return List.of();
    }
    return h.createQuery(
            "SELECT c.id, s.name, c.database_name, c.schema_name, c.table_name, c.column_name,"
                + " c.first_seen, r.entity, r.confidence, r.hit_rate, r.sampled, r.row_count,"
                + " r.category, r.level, r.examples"
                + " FROM column_result r JOIN data_column c ON c.id = r.column_id"
                + " JOIN source s ON s.id = c.source_id"
                + " WHERE r.run_id = ? AND r.change_kind <> 'removed'"
                + " ORDER BY c.database_name, c.schema_name, c.table_name, c.column_name")
        .bind(0, run.get())
        .map(
            (rs, ctx) -> {
              String conf = rs.getString("confidence");
              return new Stored(
                  rs.getString(1),
                  new InventoryColumn(
                      rs.getString("name"),
                      orNull(rs.getString("database_name")),
                      orNull(rs.getString("schema_name")),
                      rs.getString("table_name"),
                      rs.getString("column_name"),
                      rs.getString("entity"),
                      conf == null ? null : Confidence.parse(conf),
                      rs.getDouble("hit_rate"),
                      rs.getInt("sampled"),
                      rs.getLong("row_count"),
                      Category.parse(rs.getString("category")),
                      Level.parse(rs.getString("level")),
                      Json.list(rs.getString("examples")),
                      Instant.parse(rs.getString("first_seen")),
                      Change.UNCHANGED,
                      null,
                      null));
            })
        .list();
  }

  private Optional<Instant> firstSeen(String sourceId, InventoryColumn c) {
    return h.createQuery(
            "SELECT first_seen FROM data_column WHERE source_id = ? AND database_name = ?"
                + " AND schema_name = ? AND table_name = ? AND column_name = ?")
        .bind(0, sourceId)
        .bind(1, empty(c.database()))
        .bind(2, empty(c.schema()))
        .bind(3, c.table())
        .bind(4, c.column())
        .mapTo(String.class)
        .findOne()
        .map(Instant::parse);
  }

  private String upsertColumn(String sourceId, InventoryColumn c, Instant at) {
    Optional<String> id =
        h.createQuery(
                "SELECT id FROM data_column WHERE source_id = ? AND database_name = ?"
                    + " AND schema_name = ? AND table_name = ? AND column_name = ?")
            .bind(0, sourceId)
            .bind(1, empty(c.database()))
            .bind(2, empty(c.schema()))
            .bind(3, c.table())
            .bind(4, c.column())
            .mapTo(String.class)
            .findOne();
    if (id.isPresent()) {
      h.createUpdate("UPDATE data_column SET last_seen = ? WHERE id = ?")
          .bind(0, at.toString())
          .bind(1, id.get())
          .execute();
      return id.get();
    }
    String fresh = UUID.randomUUID().toString();
    h.createUpdate(
            "INSERT INTO data_column (id, source_id, database_name, schema_name, table_name,"
                + " column_name, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(0, fresh)
        .bind(1, sourceId)
        .bind(2, empty(c.database()))
        .bind(3, empty(c.schema()))
        .bind(4, c.table())
        .bind(5, c.column())
        .bind(6, c.firstSeen().toString())
        .bind(7, at.toString())
        .execute();
    return fresh;
  }

  private void upsertTable(String sourceId, InventoryColumn c, Instant at) {
    int updated =
        h.createUpdate(
                "UPDATE data_table SET row_estimate = ?, last_seen = ? WHERE source_id = ?"
                    + " AND database_name = ? AND schema_name = ? AND table_name = ?")
            .bind(0, c.rows())
            .bind(1, at.toString())
            .bind(2, sourceId)
            .bind(3, empty(c.database()))
            .bind(4, empty(c.schema()))
            .bind(5, c.table())
            .execute();
    if (updated == 0) {
      h.createUpdate(
              "INSERT INTO data_table (source_id, database_name, schema_name, table_name,"
                  + " row_estimate, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .bind(0, sourceId)
          .bind(1, empty(c.database()))
          .bind(2, empty(c.schema()))
          .bind(3, c.table())
          .bind(4, c.rows())
          .bind(5, at.toString())
          .bind(6, at.toString())
          .execute();
    }
  }

  private void insertResult(String runId, String columnId, InventoryColumn c) {
    h.createUpdate(
            "INSERT INTO column_result (run_id, column_id, entity, confidence, hit_rate, sampled,"
                + " row_count, category, level, examples, change_kind)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(0, runId)
        .bind(1, columnId)
        .bind(2, c.entity())
        .bind(3, c.confidence() == null ? null : c.confidence().id())
        .bind(4, c.hitRate())
        .bind(5, c.sampled())
        .bind(6, c.rows())
        .bind(7, c.category().id())
        .bind(8, c.level().id())
        .bind(9, Json.write(c.examples()))
        .bind(10, c.change().id())
        .execute();
  }

  private static String empty(@Nullable String s) {
    return s == null ? "" : s;
  }

  private static @Nullable String orNull(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
