package dev.moat.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** Lists and maps stored as JSON text. */
final class Json {
  private static final ObjectMapper M = new ObjectMapper();

  private Json() {}

  static String write(Object o) {
    try {
      return M.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot encode " + o.getClass().getSimpleName(), e);
    }
  }

  static List<String> list(String s) {
    try {
      return M.readValue(s, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new StoreException("corrupt list in store: " + e.getOriginalMessage(), e);
    }
  }

  static Map<String, Integer> counts(String s) {
    try {
      return M.readValue(s, new TypeReference<Map<String, Integer>>() {});
    } catch (JsonProcessingException e) {
      throw new StoreException("corrupt map in store: " + e.getOriginalMessage(), e);
    }
  }
}
