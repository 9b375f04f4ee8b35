package dev.moat.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.core.Category;
import dev.moat.core.Finding;
import dev.moat.core.Level;
import dev.moat.core.ScanReport;
import dev.moat.core.ServiceInfo;
import dev.moat.core.Severity;
import dev.moat.core.detect.Confidence;
import dev.moat.discover.Change;
import dev.moat.discover.InventoryColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  @TempDir Path dir;

  /** A fresh, empty store named {@code name}: a SQLite file here, PostgreSQL in the IT. */
  Store open(String name) {
    return Store.open(dir.resolve(name + ".db").toString(), null, null);
  }

  static InventoryColumn col(String table, String column, String entity, Level level) {
    return new InventoryColumn(
        "jdbc:sqlite:x.db",
        null,
        null,
        table,
        column,
        entity,
        entity == null ? null : Confidence.HIGH,
        entity == null ? 0 : 1.0,
        10,
        100,
        entity == null ? Category.OTHER : Category.SENSITIVE_PI,
        level,
        List.of(),
        Instant.EPOCH,
        Change.NEW,
        null,
        null);
  }

  @Test
  void open_newDirectory_createdPrivate() throws Exception {
    Path file = dir.resolve("home/.moat/moat.db");
    Store.open(file.toString(), null, null).close();
    assertThat(Files.exists(file)).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void saveDiscovery_secondRun_reportsNewChangedRemovedUnchanged() {
    Store store = open("m");
    Instant t1 = Instant.parse("2026-11-28T10:00:00Z");
    Instant t2 = Instant.parse("2026-11-28T11:00:00Z");
    List<InventoryColumn> first =
        store.saveDiscovery(
            "src",
            t1,
            "ok",
            "",
            List.of(
                col("kehu", "sfzh", "CN_RESIDENT_ID", Level.GENERAL),
                col("kehu", "mobile", "CN_MOBILE", Level.GENERAL),
                col("kehu", "note", null, Level.GENERAL)));
    assertThat(first).extracting(InventoryColumn::change).containsOnly(Change.NEW);
    assertThat(first).extracting(InventoryColumn::firstSeen).containsOnly(t1);

    List<InventoryColumn> second =
        store.saveDiscovery(
            "src",
            t2,
            "ok",
            "",
            List.of(
                col("kehu", "sfzh", "CN_RESIDENT_ID", Level.IMPORTANT),
                col("kehu", "note", null, Level.GENERAL),
                col("kehu", "email", "EMAIL", Level.GENERAL)));
    assertThat(second)
        .extracting(c -> c.column() + ":" + c.change().id())
        .containsExactly("sfzh:changed", "note:unchanged", "email:new", "mobile:removed");
    assertThat(second.get(0).previousLevel()).isEqualTo(Level.GENERAL);
    assertThat(second.get(0).firstSeen()).isEqualTo(t1);
    assertThat(second.get(2).firstSeen()).isEqualTo(t2);
    assertThat(store.latestInventory("src"))
        .extracting(InventoryColumn::column)
        .containsExactlyInAnyOrder("sfzh", "note", "email");
  }

  @Test
  void saveScan_roundTrip_keepsServicesAndFindings() {
    Store store = open("s");
    ScanReport r =
        new ScanReport(
            "0.1.0",
            Instant.parse("2026-11-28T10:00:00Z"),
            Instant.parse("2026-11-28T10:01:00Z"),
            List.of("127.0.0.1"),
            List.of(
                new ServiceInfo("127.0.0.1", 6379, "redis", "Redis", "7.0.15", false, Auth.NONE)),
            List.of(
                new Finding(
                    "f1",
                    "redis.no-auth",
                    "redis",
                    "127.0.0.1",
                    6379,
                    Severity.CRITICAL,
                    "Redis without password",
                    "detail",
                    List.of("110105********1234"),
                    Map.of("CN_RESIDENT_ID", 3),
                    "set requirepass",
                    List.of("DSL-27"))));
    String id = store.saveScan(r);
    assertThat(store.loadScan(id)).contains(r);
    assertThat(store.scanIds()).containsExactly(id);
  }
}
