package dev.moat.report.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.moat.core.Finding;
import dev.moat.core.ScanReport;
import dev.moat.core.Severity;
import dev.moat.core.text.TerminalText;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, DefectDojo).
 *
 * <p>Design: one rule per check id (sorted, so rule indexes are stable for the same set of checks);
 * the rule's {@code security-severity} follows the most severe finding of that check, so GitHub
 * buckets it as critical (&gt; 9.0), high (7.0–8.9), medium (4.0–6.9) or low. A result's only
 * location is the target as {@code scheme://host:port}; its {@code partialFingerprints} carry the
 * finding id, which is stable across runs, so re-uploads deduplicate.
 */
final class SarifScanRenderer implements ScanRenderer {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String FINGERPRINT_KEY = "moatFindingId/v1";
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private final ReportText text;

  SarifScanRenderer(ReportText text) {
    this.text = text;
  }

  /** The numeric string GitHub reads from {@code properties.security-severity}. */
  static String securitySeverity(Severity s) {
    return switch (s) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> "0.0";
    };
  }

  /** The SARIF result level of a severity. */
  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  @Override
  public void render(ScanReport report, Writer out) throws IOException {
    Map<String, List<Finding>> byCheck = new TreeMap<>();
    for (Finding f : report.findings()) {
      byCheck.computeIfAbsent(f.check(), k -> new ArrayList<>()).add(f);
    }
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    for (String check : byCheck.keySet()) {
      ruleIndex.put(check, ruleIndex.size());
    }
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      writeTool(report, byCheck, g);
      g.writeArrayFieldStart("invocations");
      g.writeStartObject();
      g.writeBooleanField("executionSuccessful", true);
      g.writeStringField("startTimeUtc", JsonScanRenderer.iso(report.startedAt()));
      g.writeStringField("endTimeUtc", JsonScanRenderer.iso(report.finishedAt()));
      g.writeEndObject();
      g.writeEndArray();
      g.writeStringField("language", text.locale().toLanguageTag());
      g.writeArrayFieldStart("results");
      for (Finding f : report.findings()) {
        writeResult(f, ruleIndex.getOrDefault(f.check(), 0), g);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private void writeTool(ScanReport report, Map<String, List<Finding>> byCheck, JsonGenerator g)
      throws IOException {
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", "moat");
    g.writeStringField("version", report.scannerVersion());
    g.writeStringField("semanticVersion", report.scannerVersion());
    g.writeArrayFieldStart("rules");
    for (Map.Entry<String, List<Finding>> e : byCheck.entrySet()) {
      writeRule(e.getKey(), e.getValue(), g);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private void writeRule(String check, List<Finding> findings, JsonGenerator g) throws IOException {
    Finding first = findings.get(0);
    Severity worst = first.severity();
    for (Finding f : findings) {
      if (f.severity().atLeast(worst)) {
        worst = f.severity();
      }
    }
    g.writeStartObject();
    g.writeStringField("id", check);
    g.writeStringField("name", ruleName(check));
    message(g, "shortDescription", sentence(first.title()));
    message(g, "fullDescription", sentence(first.title()));
    message(g, "help", help(first));
    g.writeObjectFieldStart("defaultConfiguration");
    g.writeStringField("level", level(worst));
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeArrayFieldStart("tags");
    g.writeString("security");
    g.writeString("unauthorized-access");
    g.writeString(first.service());
    for (String r : first.references()) {
      g.writeString(r);
    }
    g.writeEndArray();
    g.writeStringField("precision", "high");
    g.writeStringField("security-severity", securitySeverity(worst));
    g.writeEndObject();
    g.writeEndObject();
  }

  private String help(Finding f) {
    StringBuilder sb = new StringBuilder(sentence(f.remediation()));
    if (!f.references().isEmpty()) {
      sb.append("\n").append(text.get("label.references")).append(":");
      for (String r : f.references()) {
        sb.append("\n- ").append(text.reference(r));
      }
    }
    return sb.toString();
  }

  private void writeResult(Finding f, int ruleIndex, JsonGenerator g) throws IOException {
    String target = TargetUri.of(f.service(), f.host(), f.port());
    g.writeStartObject();
    g.writeStringField("ruleId", f.check());
    g.writeNumberField("ruleIndex", ruleIndex);
    g.writeStringField("level", level(f.severity()));
    message(g, "message", sentence(f.title() + " (" + target + ")") + " " + sentence(f.detail()));
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", target);
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(FINGERPRINT_KEY, f.id());
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeStringField("severity", f.severity().id());
    g.writeStringField("security-severity", securitySeverity(f.severity()));
    g.writeStringField("service", f.service());
    g.writeStringField("host", f.host());
    g.writeNumberField("port", f.port());
    JsonScanRenderer.evidenceAndRemedy(g, f);
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void message(JsonGenerator g, String field, String text) throws IOException {
    g.writeObjectFieldStart(field);
    g.writeStringField("text", text);
    g.writeEndObject();
  }

  /** {@code redis.no-auth} → {@code RedisNoAuth}: SARIF's rule name is an identifier. */
  static String ruleName(String check) {
    StringBuilder sb = new StringBuilder();
    boolean upper = true;
    for (int i = 0; i < check.length(); i++) {
      char c = check.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    return sb.length() == 0 ? "Check" : sb.toString();
  }

  /** Ends a message with a full stop, as SARIF's authoring guidance asks (ASCII or CJK). */
  static String sentence(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return t;
    }
    char last = t.charAt(t.length() - 1);
    if (last == '.' || last == '!' || last == '?' || last == '。' || last == '！' || last == '？') {
      return t;
    }
    return t + (t.codePoints().anyMatch(TerminalText::isWide) ? "。" : ".");
  }
}
