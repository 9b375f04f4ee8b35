package dev.moat.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moat.core.classify.DataClass;
import dev.moat.core.classify.DataClasses;
import dev.moat.core.detect.Entities;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Totals of a detect run, fed file by file in output order: per-file and per-entity counts, skipped
 * and unreadable files. Renders the {@code summary} of the json format and the table. Holds one row
 * per file with matches, never the matches themselves.
 */
final class DetectSummary {
  private static final Comparator<String> ENTITY_ORDER =
      Comparator.<String>comparingInt(
              e -> {
                int i = Entities.ALL.indexOf(e);
                return i < 0 ? Integer.MAX_VALUE : i;
              })
          .thenComparing(Comparator.naturalOrder());

  private record Row(String path, String charset, boolean gzip, Map<String, Long> counts) {}

  private int files;
  private int scanned;
  private long matches;
  private final List<String> binary = new ArrayList<>();
  private final List<String[]> unreadable = new ArrayList<>();
  private final Map<String, Long> totals = new HashMap<>();
  private final List<Row> rows = new ArrayList<>();

  void add(FileResult r) {
    files++;
    switch (r.status()) {
      case BINARY -> binary.add(r.target().display());
      case UNREADABLE ->
          unreadable.add(new String[] {r.target().display(), String.valueOf(r.error())});
      case SCANNED -> scanned++;
    }
    if (r.matches() > 0) {
      matches += r.matches();
      r.counts().forEach((k, v) -> totals.merge(k, v, Long::sum));
      rows.add(
          new Row(r.target().display(), String.valueOf(r.charset()), r.gzip(), sorted(r.counts())));
    }
  }

  long matches() {
    return matches;
  }

  int files() {
    return files;
  }

  int scanned() {
    return scanned;
  }

  int unreadable() {
    return unreadable.size();
  }

  private static Map<String, Long> sorted(Map<String, Long> counts) {
    Map<String, Long> m = new LinkedHashMap<>();
    counts.keySet().stream().sorted(ENTITY_ORDER).forEach(k -> m.put(k, counts.get(k)));
    return m;
  }

  /** Writes {@code "summary":{…}} (without a leading comma) for the json format. */
  void writeJson(Writer out) throws IOException {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("files", files);
    s.put("scanned", scanned);
    s.put("matches", matches);
    Map<String, Object> byEntity = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : sorted(totals).entrySet()) {
      DataClass c = DataClasses.of(e.getKey());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("matches", e.getValue());
      m.put("category", c.category().id());
      m.put("level", c.level().id());
      byEntity.put(e.getKey(), m);
    }
    s.put("entities", byEntity);
    List<Object> byFile = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", r.path());
      m.put("charset", r.charset());
      m.put("gzip", r.gzip());
      m.put("matches", r.counts().values().stream().mapToLong(Long::longValue).sum());
      m.put("entities", r.counts());
      byFile.add(m);
    }
    s.put("byFile", byFile);
    s.put("binary", binary);
    List<Object> errs = new ArrayList<>();
    for (String[] u : unreadable) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", u[0]);
      m.put("error", u[1]);
      errs.add(m);
    }
    s.put("unreadable", errs);
    out.write("\"summary\":");
    ObjectMapper mapper = new ObjectMapper();
    mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    mapper.writeValue(out, s);
  }

  /** Writes the table: one row per file and entity, totals, and a one-line verdict. */
  void writeTable(Writer out) throws IOException {
    if (matches == 0) {
      out.write(Messages.get("detect.table.none", files) + "\n");
      skippedLine(out);
      return;
    }
    List<String[]> table = new ArrayList<>();
    table.add(
        new String[] {
          Messages.get("detect.table.path"),
          Messages.get("detect.table.entity"),
          Messages.get("detect.table.category"),
          Messages.get("detect.table.count")
        });
    for (Row r : rows) {
      boolean first = true;
      for (Map.Entry<String, Long> e : r.counts().entrySet()) {
        table.add(entityRow(first ? r.path() : "", e.getKey(), e.getValue()));
        first = false;
      }
    }
    if (rows.size() > 1) {
      table.add(null);
      boolean first = true;
      for (Map.Entry<String, Long> e : sorted(totals).entrySet()) {
        table.add(
            entityRow(first ? Messages.get("detect.table.total") : "", e.getKey(), e.getValue()));
        first = false;
      }
    }
    TextTable.write(out, table, 3);
    out.write("\n" + Messages.get("detect.table.summary", matches, rows.size(), files) + "\n");
    skippedLine(out);
    out.write(Messages.get("detect.table.masked") + "\n");
  }

  private static String[] entityRow(String path, String entity, long count) {
    String name = Messages.get("entity." + entity);
    String label = name.startsWith("entity.") ? entity : entity + " " + name;
    String category = Messages.get("category." + DataClasses.of(entity).category().id());
    return new String[] {path, label, category, Long.toString(count)};
  }

  private void skippedLine(Writer out) throws IOException {
    if (!binary.isEmpty() || !unreadable.isEmpty()) {
      out.write(Messages.get("detect.table.skipped", binary.size(), unreadable.size()) + "\n");
    }
  }
}
