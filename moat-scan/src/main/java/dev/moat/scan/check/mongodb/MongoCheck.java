package dev.moat.scan.check.mongodb;

import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.Severity;
import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Connection;
import dev.moat.scan.check.Exposure;
import dev.moat.scan.check.Identity;
import dev.moat.scan.check.Probe;
import dev.moat.scan.check.Recognition;
import dev.moat.scan.check.SampleField;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MongoDB without authentication. Recognised by any OP_MSG (or OP_REPLY) answering a {@code hello}
 * sent as OP_MSG. {@code hello} succeeds before authentication, so it never counts as proof:
 * verified by {@code listDatabases}, which an auth-enabled server refuses with code 13
 * (Unauthorized, "requires authentication"). Uses OP_MSG only, because MongoDB 5.1+ rejects
 * OP_QUERY commands ({@code UnsupportedOpQueryCommand}), which made older probes miss MongoDB 6.
 *
 * <p>Read-only: hello, buildInfo, listDatabases, listCollections, and {@code find} with a small
 * limit on a few collections.
 */
public final class MongoCheck implements Check {
  static final String SERVICE = "mongodb";
  static final int PROBE_ID = 0x4d4f4154; // "MOAT"
  private static final Set<String> SYSTEM_DBS = Set.of("admin", "local", "config");
  private static final int DOCS_PER_COLLECTION = 5;

  @Override
  public String id() {
    return SERVICE;
  }

  @Override
  public Set<String> services() {
    return Set.of(SERVICE);
  }

  @Override
  public Set<Integer> defaultPorts() {
    return Set.of(27017, 27018, 27019);
  }

  @Override
  public List<Probe> probes() {
    Map<String, Object> hello = new LinkedHashMap<>();
    hello.put("hello", 1);
    hello.put("$db", "admin");
    return List.of(
        Probe.send("mongodb-hello", MongoWire.opMsg(PROBE_ID, hello), 40, MongoCheck::recognise));
  }

  static Recognition recognise(byte[] d, int length, boolean closed) {
    if (length < 16) {
      return closed ? Recognition.NO : Recognition.MORE;
    }
    ByteBuffer h = ByteBuffer.wrap(d, 0, 16).order(ByteOrder.LITTLE_ENDIAN);
    int len = h.getInt();
    h.getInt();
    int responseTo = h.getInt();
    int opCode = h.getInt();
    boolean mongo =
        len >= 21
            && len <= 48 * 1024 * 1024
            && responseTo == PROBE_ID
            && (opCode == MongoWire.OP_MSG || opCode == MongoWire.OP_REPLY);
    return mongo ? Recognition.match(Identity.of(SERVICE, "MongoDB", null)) : Recognition.NO;
  }

  @Override
  public CheckResult run(CheckContext ctx) throws IOException {
    Identity id = Identity.of(SERVICE, "MongoDB", null);
    try (Connection c = ctx.connect()) {
      Requests r = new Requests(c);
      Map<String, Object> build = r.call("admin", Map.of("buildInfo", 1));
      if (build.get("version") instanceof String v) {
        id = id.withVersion(v);
      }
      Map<String, Object> list = r.call("admin", Map.of("listDatabases", 1));
      if (!ok(list)) {
        return unauthorized(list) ? CheckResult.locked(id) : CheckResult.undetermined(id);
      }
      List<String> names = new ArrayList<>();
      List<String> evidence = new ArrayList<>();
      id.productVersion().ifPresent(v -> evidence.add("version: " + v));
      for (Object o : Bson.list(list.get("databases"))) {
        if (o instanceof Map<?, ?> db && db.get("name") instanceof String name) {
          names.add(name);
          Object size = db.get("sizeOnDisk");
          evidence.add("database " + name + (size == null ? "" : ", sizeOnDisk " + size));
        }
      }
      Exposure exposure = Exposure.NONE;
      if (ctx.sampling()) {
        exposure = ctx.detect(sample(r, names, ctx.sampleSize()));
      }
      Finding f =
          ctx.finding(this, "mongodb.no-auth")
              .severity(Severity.HIGH)
              .detailArgs(
                  id.productVersion().orElse("?"),
                  ctx.host(),
                  String.valueOf(ctx.port()),
                  String.valueOf(names.size()))
              .evidence(evidence)
              .exposure(exposure)
              .build();
      return CheckResult.open(id, Auth.NONE, List.of(f));
    }
  }

  private static List<SampleField> sample(Requests r, List<String> dbs, int maxCollections)
      throws IOException {
    List<SampleField> out = new ArrayList<>();
    int left = maxCollections;
    for (String db : dbs) {
      if (SYSTEM_DBS.contains(db) || left <= 0) {
        continue;
      }
      // The command name must be the document's first key: Map.of has no fixed order.
      Map<String, Object> listCollections = new LinkedHashMap<>();
      listCollections.put("listCollections", 1);
      listCollections.put("nameOnly", true);
      Map<String, Object> cols = r.call(db, listCollections);
      for (Object o : batch(cols)) {
        if (left-- <= 0) {
          break;
        }
        if (!(o instanceof Map<?, ?> m) || !(m.get("name") instanceof String coll)) {
          continue;
        }
        Map<String, Object> find = new LinkedHashMap<>();
        find.put("find", coll);
        find.put("limit", DOCS_PER_COLLECTION);
        find.put("batchSize", DOCS_PER_COLLECTION);
        find.put("singleBatch", true);
        for (Object doc : batch(r.call(db, find))) {
          walk(db + "." + coll, "", doc, out, 0);
        }
      }
    }
    return out;
  }

  private static void walk(String where, String path, Object v, List<SampleField> out, int depth) {
    if (depth > 8 || out.size() > 2000) {
      return;
    }
    if (v instanceof Map<?, ?> m) {
      m.forEach(
          (k, x) -> {
            if (!"_id".equals(k)) {
              walk(where, path.isEmpty() ? String.valueOf(k) : path + "." + k, x, out, depth + 1);
            }
          });
    } else if (v instanceof List<?> l) {
      for (int i = 0; i < l.size() && i < 20; i++) {
        walk(where, path, l.get(i), out, depth + 1);
      }
    } else if (v instanceof String s && !s.isEmpty()) {
      out.add(new SampleField(where, path, s));
    } else if (v instanceof Number n) {
      out.add(new SampleField(where, path, n.toString()));
    }
  }

  private static List<Object> batch(Map<String, Object> reply) {
    if (ok(reply) && reply.get("cursor") instanceof Map<?, ?> cursor) {
      return Bson.list(cursor.get("firstBatch"));
    }
    return List.of();
  }

  static boolean ok(Map<String, Object> reply) {
    return reply.get("ok") instanceof Number n && n.doubleValue() == 1.0;
  }

  static boolean unauthorized(Map<String, Object> reply) {
    Object code = reply.get("code");
    String msg = String.valueOf(reply.get("errmsg"));
    return (code instanceof Number n && (n.intValue() == 13 || n.intValue() == 18))
        || "Unauthorized".equals(reply.get("codeName"))
        || msg.contains("requires authentication")
        || msg.contains("not authorized");
  }

  /** Numbers requests on one connection. */
  private static final class Requests {
    private final Connection c;
    private int next = 1;

    Requests(Connection c) {
      this.c = c;
    }

    Map<String, Object> call(String db, Map<String, ?> command) throws IOException {
      Map<String, Object> cmd = new LinkedHashMap<>(command);
      cmd.put("$db", db);
      return MongoWire.command(c, next++, cmd);
    }
  }
}
