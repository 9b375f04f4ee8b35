package dev.moat.report.scan;

import dev.moat.core.Finding;
import dev.moat.core.ScanReport;
import dev.moat.core.ServiceInfo;
import dev.moat.core.text.TerminalText;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aligned plain text for a terminal: a services table, then the findings (most severe first), each
 * followed by indented detail, exposure, evidence, remediation and references. Columns are padded
 * by display width, so Chinese headings and titles line up; peer-supplied text is stripped of
 * control characters.
 */
final class TableScanRenderer implements ScanRenderer {
  private static final String GAP = "  ";

  private final ReportText text;

  TableScanRenderer(ReportText text) {
    this.text = text;
  }

  @Override
  public void render(ScanReport report, Writer out) throws IOException {
    out.write(
        text.get(
                "report.summary",
                JsonScanRenderer.iso(report.startedAt()),
                JsonScanRenderer.iso(report.finishedAt()),
                report.services().size(),
                report.findings().size())
            + "\n\n");
    out.write(text.get("services.heading") + "\n");
    if (report.services().isEmpty()) {
      out.write(text.get("report.noServices") + "\n");
    } else {
      List<List<String>> rows = new ArrayList<>();
      rows.add(
          List.of(
              text.get("col.host"),
              text.get("col.port"),
              text.get("col.service"),
              text.get("col.product"),
              text.get("col.version"),
              text.get("col.tls"),
              text.get("col.auth")));
      for (ServiceInfo s : report.services()) {
        rows.add(
            List.of(
                s.host(),
                Integer.toString(s.port()),
                s.service(),
                s.productName().orElse("-"),
                s.productVersion().orElse("-"),
                text.get(s.tls() ? "yes" : "no"),
                text.get("auth." + s.auth().id())));
      }
      writeRows(rows, out);
    }
    out.write("\n" + text.get("findings.heading") + "\n");
    if (report.findings().isEmpty()) {
      out.write(text.get("report.noFindings") + "\n");
    } else {
      writeFindings(report.findings(), out);
    }
    out.flush();
  }

  private void writeFindings(List<Finding> findings, Writer out) throws IOException {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Comparator.comparing(Finding::severity));
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            text.get("col.severity"),
            text.get("col.check"),
            text.get("col.target"),
            text.get("col.title")));
    for (Finding f : sorted) {
      rows.add(
          List.of(
              text.get("severity." + f.severity().id()),
              f.check(),
              TargetUri.hostPort(f.host(), f.port()),
              f.title()));
    }
    int[] widths = widths(rows);
    writeRow(rows.get(0), widths, out);
    String indent = " ".repeat(widths[0] + GAP.length());
    for (int i = 0; i < sorted.size(); i++) {
      Finding f = sorted.get(i);
      writeRow(rows.get(i + 1), widths, out);
      line(out, indent, "label.detail", f.detail());
      if (!f.exposure().isEmpty()) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : new TreeMap<>(f.exposure()).entrySet()) {
          parts.add(e.getKey() + " " + e.getValue());
        }
        line(out, indent, "label.exposure", String.join(", ", parts));
      }
      if (!f.evidence().isEmpty()) {
        line(out, indent, "label.evidence", String.join(" | ", f.evidence()));
      }
      line(out, indent, "label.remediation", f.remediation());
      if (!f.references().isEmpty()) {
        line(out, indent, "label.references", String.join(", ", f.references()));
      }
    }
  }

  private void line(Writer out, String indent, String labelKey, String value) throws IOException {
    out.write(indent + text.get(labelKey) + ": " + TerminalText.clean(value) + "\n");
  }

  private static void writeRows(List<List<String>> rows, Writer out) throws IOException {
    int[] widths = widths(rows);
    for (List<String> row : rows) {
      writeRow(row, widths, out);
    }
  }

  private static int[] widths(List<List<String>> rows) {
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], TerminalText.width(TerminalText.clean(row.get(c))));
      }
    }
    return widths;
  }

  private static void writeRow(List<String> row, int[] widths, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < row.size(); c++) {
      String cell = TerminalText.clean(row.get(c));
      sb.append(c == row.size() - 1 ? cell : TerminalText.pad(cell, widths[c]) + GAP);
    }
    out.write(sb.toString().stripTrailing() + "\n");
  }
}
