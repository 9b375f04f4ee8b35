package dev.moat.report.inventory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.moat.discover.Inventory;
import dev.moat.discover.InventoryColumn;
import dev.moat.discover.SourceStatus;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes the {@code moat discover --format json} document exactly as DESIGN.md specifies: {@code
 * sources} (source, status, message) and {@code columns} (source, database, schema, table, column,
 * entity, confidence, hitRate, sampled, rows, category, level, examples, firstSeen, change), with
 * {@code null} for absent database, schema, entity and confidence.
 */
public final class InventoryJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private InventoryJson() {}

  /** Writes {@code inv} to {@code out} (not closed), pretty-printed, ending in a newline. */
  public static void write(Inventory inv, Writer out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("sources");
      for (SourceStatus s : inv.sources()) {
        g.writeStartObject();
        g.writeStringField("source", s.source());
        g.writeStringField("status", s.status());
        g.writeStringField("message", s.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("columns");
      for (InventoryColumn c : inv.columns()) {
        column(g, c);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void column(JsonGenerator g, InventoryColumn c) throws IOException {
    g.writeStartObject();
    g.writeStringField("source", c.source());
    g.writeStringField("database", c.database());
    g.writeStringField("schema", c.schema());
    g.writeStringField("table", c.table());
    g.writeStringField("column", c.column());
    g.writeStringField("entity", c.entity());
    g.writeStringField("confidence", c.confidence() == null ? null : c.confidence().id());
    g.writeFieldName("hitRate");
    g.writeNumber(
        BigDecimal.valueOf(c.hitRate()).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros());
    g.writeNumberField("sampled", c.sampled());
    g.writeNumberField("rows", c.rows());
    g.writeStringField("category", c.category().id());
    g.writeStringField("level", c.level().id());
    g.writeArrayFieldStart("examples");
    for (String e : c.examples()) {
      g.writeString(e);
    }
    g.writeEndArray();
    g.writeStringField("firstSeen", c.firstSeen().toString());
    g.writeStringField("change", c.change().id());
    g.writeEndObject();
  }
}
