package dev.moat.discover;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Flattens a JSON document into field paths: {@code {"user":{"phone":"…"}}} gives {@code
 * user.phone}; array elements share their parent's path ({@code orders[].id}).
 */
final class JsonFields {
  /** Paths collected per document at most, so that a huge object cannot blow the memory. */
  static final int MAX_PATHS = 500;

  private JsonFields() {}

  static void flatten(JsonNode node, String path, Map<String, List<String>> out) {
    if (out.size() >= MAX_PATHS && !out.containsKey(path)) {
      return;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
      }
    } else if (node.isArray()) {
      int n = 0;
      for (JsonNode el : node) {
        if (n++ >= 20) {
          break;
        }
        flatten(el, path + "[]", out);
      }
    } else if (!node.isNull()) {
      String v = node.asText();
      if (!v.isBlank()) {
        out.computeIfAbsent(path.isEmpty() ? "*" : path, k -> new java.util.ArrayList<>())
            .add(ColumnSample.cut(v));
      }
    }
  }
}
