package dev.moat.core.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hotwords and field-name hints per entity, loaded from {@code context.tsv}. Its words never change
 * after construction (a cache of field-name answers aside) and it is thread-safe; custom detectors
 * add their own through {@link #with}.
 */
final class Hotwords {
  /** Chars searched before a candidate for hotwords. */
  static final int BEFORE = 48;

  /** Chars searched after a candidate. */
  static final int AFTER = 16;

  private final Map<String, char[][]> words;

  /** The same words indexed for {@link #near}. */
  private final Map<String, HotwordTable> tables;

  private final Map<String, String[]> hints;

  /** {@link #entitiesForField} answers by field name. */
  private final Map<String, Set<String>> fields = new ConcurrentHashMap<>();

  private static final int MAX_FIELDS = 4096;

  private Hotwords(Map<String, char[][]> words, Map<String, String[]> hints) {
    this.words = words;
    this.hints = hints;
    Map<String, HotwordTable> t = new HashMap<>();
    words.forEach((entity, ws) -> t.put(entity, new HotwordTable(ws)));
    this.tables = Map.copyOf(t);
  }

  static Hotwords load() {
    Map<String, char[][]> words = new HashMap<>();
    Map<String, String[]> hints = new HashMap<>();
    try (InputStream in =
            Objects.requireNonNull(
                Hotwords.class.getResourceAsStream("context.tsv"), "context.tsv missing");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        words.put(f[0], chars(split(f[1])));
        hints.put(f[0], normalizedHints(split(f[2])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Hotwords(Map.copyOf(words), Map.copyOf(hints));
  }

  /** A copy with {@code entity}'s hotwords (used as field hints too). */
  Hotwords with(String entity, List<String> hotwords) {
    Map<String, char[][]> w = new HashMap<>(words);
    Map<String, String[]> h = new HashMap<>(hints);
    w.put(entity, chars(hotwords));
    h.put(entity, normalizedHints(hotwords));
    return new Hotwords(Map.copyOf(w), Map.copyOf(h));
  }

  private static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    for (String p : s.split(",")) {
      if (!p.isBlank()) {
        out.add(p.trim());
      }
    }
    return out;
  }

  private static char[][] chars(List<String> list) {
    char[][] out = new char[list.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i).toLowerCase(Locale.ROOT).toCharArray();
    }
    return out;
  }

  private static String[] normalizedHints(List<String> list) {
    String[] out = new String[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = normalizeField(list.get(i));
    }
    return out;
  }

  /** Lower-case, without {@code _ - . space}: {@code Card_No} → {@code cardno}. */
  static String normalizeField(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = Chars.fold(name.charAt(i));
      if (c == '_' || c == '-' || c == ' ' || c == '.') {
        continue;
      }
      b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return b.toString();
  }

  /**
   * Entities whose field hints match {@code fieldName} (immutable). Field names repeat (columns,
   * JSON keys), so answers are remembered, up to {@value #MAX_FIELDS} names.
   */
  Set<String> entitiesForField(String fieldName) {
    Set<String> known = fields.get(fieldName);
    if (known != null) {
      return known;
    }
    String f = normalizeField(fieldName);
    Set<String> out = new HashSet<>();
    if (!f.isEmpty()) {
      for (Map.Entry<String, String[]> e : hints.entrySet()) {
        for (String h : e.getValue()) {
          if (ascii(h) ? f.equals(h) || (h.length() >= 3 && f.endsWith(h)) : f.contains(h)) {
            out.add(e.getKey());
            break;
          }
        }
      }
    }
    Set<String> result = Set.copyOf(out);
    if (fields.size() >= MAX_FIELDS) {
      fields.clear();
    }
    fields.put(fieldName, result);
    return result;
  }

  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when a hotword of {@code entity} occurs, folded and lower-cased, in {@code a[lo, hi)}
   * (windows longer than {@code limit} chars are cut to {@code a[lo, lo + limit)}).
   */
  boolean near(String entity, char[] a, int lo, int hi, int limit) {
    HotwordTable t = tables.get(entity);
    return t != null && t.near(a, lo, lo + Math.min(hi - lo, limit));
  }
}
