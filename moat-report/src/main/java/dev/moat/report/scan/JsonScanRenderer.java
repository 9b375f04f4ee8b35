package dev.moat.report.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.moat.core.Finding;
import dev.moat.core.ScanReport;
import dev.moat.core.ServiceInfo;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code moat scan --format json} document, field for field as in DESIGN.md. Written with
 * Jackson's streaming generator so the field order is the contract's, whatever the records hold.
 * The exposure map is written in entity-id order so the output is deterministic.
 */
final class JsonScanRenderer implements ScanRenderer {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  @Override
  public void render(ScanReport report, Writer out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.useDefaultPrettyPrinter();
      write(report, g);
    }
    out.write('\n');
    out.flush();
  }

  static void write(ScanReport report, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("scanner");
    g.writeStringField("name", "moat");
    g.writeStringField("version", report.scannerVersion());
    g.writeEndObject();
    g.writeStringField("startedAt", iso(report.startedAt()));
    g.writeStringField("finishedAt", iso(report.finishedAt()));
    g.writeArrayFieldStart("services");
    for (ServiceInfo s : report.services()) {
      writeService(s, g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("findings");
    for (Finding f : report.findings()) {
      writeFinding(f, g);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeService(ServiceInfo s, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("host", s.host());
    g.writeNumberField("port", s.port());
    g.writeStringField("service", s.service());
    g.writeStringField("product", s.product());
    g.writeStringField("version", s.version());
    g.writeBooleanField("tls", s.tls());
    g.writeStringField("auth", s.auth().id());
    g.writeEndObject();
  }

  private static void writeFinding(Finding f, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", f.id());
    g.writeStringField("check", f.check());
    g.writeStringField("service", f.service());
    g.writeStringField("host", f.host());
    g.writeNumberField("port", f.port());
    g.writeStringField("severity", f.severity().id());
    g.writeStringField("title", f.title());
    g.writeStringField("detail", f.detail());
    evidenceAndRemedy(g, f);
    g.writeEndObject();
  }

  /** ISO-8601 in UTC with a {@code Z}, e.g. {@code 2026-11-28T10:00:00Z}. */
  static String iso(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t);
  }

  /**
   * Writes a finding's {@code evidence}, {@code exposure} (entities in name order), {@code
   * remediation} and {@code references} fields, shared by the JSON document and SARIF's properties.
   */
  static void evidenceAndRemedy(JsonGenerator g, Finding f) throws IOException {
    g.writeArrayFieldStart("evidence");
    for (String e : f.evidence()) {
      g.writeString(e);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("exposure");
    for (Map.Entry<String, Integer> e : new TreeMap<>(f.exposure()).entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeStringField("remediation", f.remediation());
    g.writeArrayFieldStart("references");
    for (String r : f.references()) {
      g.writeString(r);
    }
    g.writeEndArray();
  }
}
