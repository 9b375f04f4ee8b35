package dev.moat.scan.check.redis;

import dev.moat.scan.check.SampleField;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a few keys and values with read-only commands for exposure detection. Each value is capped
 * at 4 KiB (GETRANGE) and each collection at ten elements.
 */
final class RedisSample {
  private static final int VALUE_BYTES = 4096;
  private static final String ELEMENTS = "10";

  private final Resp resp;
  private final int maxKeys;

  RedisSample(Resp resp, int maxKeys) {
    this.resp = resp;
    this.maxKeys = maxKeys;
  }

  List<SampleField> read(List<Integer> dbs) throws IOException {
    List<SampleField> out = new ArrayList<>();
    int left = maxKeys;
    for (int db : dbs) {
      if (left <= 0) {
        break;
      }
      if (db != 0 && !"OK".equals(resp.call("SELECT", String.valueOf(db)))) {
        continue;
      }
      if (!(resp.call("SCAN", "0", "COUNT", String.valueOf(left * 2)) instanceof List<?> scan)
          || scan.size() < 2
          || !(scan.get(1) instanceof List<?> keys)) {
        continue;
      }
      for (Object k : keys) {
        if (left-- <= 0) {
          break;
        }
        String key = String.valueOf(k);
        String where = "db" + db + " key " + key;
        out.add(new SampleField("db" + db, "key", key));
        readValue(key, where, out);
      }
    }
    return out;
  }

  private void readValue(String key, String where, List<SampleField> out) throws IOException {
    Object type = resp.call("TYPE", key);
    String field = lastSegment(key);
    switch (String.valueOf(type)) {
      case "string" -> add(out, where, field, resp.call("GETRANGE", key, "0", "" + VALUE_BYTES));
      case "hash" -> {
        if (resp.call("HSCAN", key, "0", "COUNT", ELEMENTS) instanceof List<?> r
            && r.size() == 2
            && r.get(1) instanceof List<?> kv) {
          for (int i = 0; i + 1 < kv.size(); i += 2) {
            add(out, where, String.valueOf(kv.get(i)), kv.get(i + 1));
          }
        }
      }
      case "list" -> addAll(out, where, field, resp.call("LRANGE", key, "0", "9"));
      case "zset" -> addAll(out, where, field, resp.call("ZRANGE", key, "0", "9"));
      case "set" -> {
        if (resp.call("SSCAN", key, "0", "COUNT", ELEMENTS) instanceof List<?> r && r.size() == 2) {
          addAll(out, where, field, r.get(1));
        }
      }
      default -> {
        // streams and module types are not sampled
      }
    }
  }

  private static void add(List<SampleField> out, String where, String field, Object value) {
    if (value instanceof String s && !s.isEmpty()) {
      out.add(new SampleField(where, field, s));
    }
  }

  private static void addAll(List<SampleField> out, String where, String field, Object values) {
    if (values instanceof List<?> list) {
      list.forEach(v -> add(out, where, field, v));
    }
  }

  /** {@code user:1001:mobile} → {@code mobile}: the key's last segment is the best field name. */
  private static String lastSegment(String key) {
    int i = Math.max(key.lastIndexOf(':'), key.lastIndexOf('.'));
    return i >= 0 && i + 1 < key.length() ? key.substring(i + 1) : key;
  }
}
