package dev.moat.report.scan;

import dev.moat.core.Finding;
import dev.moat.core.ScanReport;
import dev.moat.core.ServiceInfo;
import dev.moat.core.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One self-contained HTML file: inline CSS, no scripts, no images, no external links, and a
 * Content-Security-Policy that forbids loading anything, so the report opens the same offline, in a
 * mail attachment or on an air-gapped auditor's laptop. Every value is HTML-escaped: banners,
 * versions and evidence come from scanned peers and are hostile until proven otherwise.
 */
final class HtmlScanRenderer implements ScanRenderer {
  private static final String CSS =
      "body{font-family:system-ui,-apple-system,\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans"
          + " CJK SC\",sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#1b1f24}"
          + "h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid"
          + " #d0d7de;padding-bottom:.2em}table{border-collapse:collapse;width:100%}"
          + "th,td{border:1px solid #d0d7de;padding:.3em .6em;text-align:left;vertical-align:top}"
          + "th{background:#f6f8fa}.muted{color:#57606a}.sev{display:inline-block;padding:.1em"
          + " .6em;border-radius:1em;color:#fff;font-weight:600;font-size:.85em}"
          + ".critical{background:#8b0000}.high{background:#cf222e}.medium{background:#bc4c00}"
          + ".low{background:#0969da}.info{background:#57606a}.summary{display:flex;gap:1em;"
          + "flex-wrap:wrap}.summary div{border:1px solid #d0d7de;border-radius:.4em;padding:.5em"
          + " 1em;min-width:6em}.summary b{display:block;font-size:1.6em}.finding{border:1px solid"
          + " #d0d7de;border-radius:.4em;padding:.6em 1em;margin:1em 0}.finding h3{margin:.2em 0}"
          + "code{background:#f6f8fa;padding:0 .3em;word-break:break-all}dt{font-weight:600;"
          + "margin-top:.5em}dd{margin-left:1.2em}";

  private final ReportText text;

  HtmlScanRenderer(ReportText text) {
    this.text = text;
  }

  @Override
  public void render(ScanReport report, Writer out) throws IOException {
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html>\n<html lang=\"")
        .append(esc(text.get("report.lang")))
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .append(" style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(esc(text.get("report.title")))
        .append("</title>\n<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(esc(text.get("report.title")))
        .append("</h1>\n<p class=\"muted\">")
        .append(
            esc(
                text.get(
                    "report.summary",
                    JsonScanRenderer.iso(report.startedAt()),
                    JsonScanRenderer.iso(report.finishedAt()),
                    report.services().size(),
                    report.findings().size())))
        .append("</p>\n");
    if (!report.targets().isEmpty()) {
      h.append("<p>").append(esc(text.get("report.targets"))).append(": ");
      List<String> ts = new ArrayList<>();
      for (String t : report.targets()) {
        ts.add("<code>" + esc(t) + "</code>");
      }
      h.append(String.join(" ", ts)).append("</p>\n");
    }
    severitySummary(report.findings(), h);
    services(report.services(), h);
    findings(report.findings(), h);
    h.append("<p class=\"muted\">")
        .append(esc(text.get("report.generated", report.scannerVersion())))
        .append("</p>\n</body>\n</html>\n");
    out.write(h.toString());
    out.flush();
  }

  private void severitySummary(List<Finding> findings, StringBuilder h) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    for (Finding f : findings) {
      counts.merge(f.severity(), 1, Integer::sum);
    }
    h.append("<h2>").append(esc(text.get("report.severitySummary"))).append("</h2>\n");
    h.append("<div class=\"summary\">\n");
    for (Map.Entry<Severity, Integer> e : counts.entrySet()) {
      h.append("<div><span class=\"sev ")
          .append(e.getKey().id())
          .append("\">")
          .append(esc(text.get("severity." + e.getKey().id())))
          .append("</span><b>")
          .append(e.getValue())
          .append("</b></div>\n");
    }
    h.append("</div>\n");
  }

  private void services(List<ServiceInfo> services, StringBuilder h) {
    h.append("<h2>").append(esc(text.get("services.heading"))).append("</h2>\n");
    if (services.isEmpty()) {
      h.append("<p>").append(esc(text.get("report.noServices"))).append("</p>\n");
      return;
    }
    h.append("<table>\n<thead><tr>");
    for (String k :
        List.of("col.host", "col.port", "col.service", "col.product", "col.version", "col.tls")) {
      h.append("<th>").append(esc(text.get(k))).append("</th>");
    }
    h.append("<th>").append(esc(text.get("col.auth"))).append("</th></tr></thead>\n<tbody>\n");
    for (ServiceInfo s : services) {
      h.append("<tr>");
      for (String v :
          List.of(
              s.host(),
              Integer.toString(s.port()),
              s.service(),
              s.productName().orElse("-"),
              s.productVersion().orElse("-"),
              text.get(s.tls() ? "yes" : "no"),
              text.get("auth." + s.auth().id()))) {
        h.append("<td>").append(esc(v)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private void findings(List<Finding> findings, StringBuilder h) {
    h.append("<h2>").append(esc(text.get("findings.heading"))).append("</h2>\n");
    if (findings.isEmpty()) {
      h.append("<p>").append(esc(text.get("report.noFindings"))).append("</p>\n");
      return;
    }
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Comparator.comparing(Finding::severity));
    for (Finding f : sorted) {
      finding(f, h);
    }
  }

  private void finding(Finding f, StringBuilder h) {
    h.append("<section class=\"finding\">\n<h3><span class=\"sev ")
        .append(f.severity().id())
        .append("\">")
        .append(esc(text.get("severity." + f.severity().id())))
        .append("</span> ")
        .append(esc(f.title()))
        .append("</h3>\n<p><code>")
        .append(esc(TargetUri.of(f.service(), f.host(), f.port())))
        .append("</code> <span class=\"muted\">")
        .append(esc(f.check()))
        .append(" · ")
        .append(esc(text.get("label.id")))
        .append(" ")
        .append(esc(f.id()))
        .append("</span></p>\n<dl>\n");
    dt(h, "label.detail").append("<dd>").append(esc(f.detail())).append("</dd>\n");
    if (!f.exposure().isEmpty()) {
      dt(h, "label.exposure").append("<dd><table><tbody>\n");
      for (Map.Entry<String, Integer> e : new TreeMap<>(f.exposure()).entrySet()) {
        h.append("<tr><td><code>")
            .append(esc(e.getKey()))
            .append("</code></td><td>")
            .append(e.getValue())
            .append("</td></tr>\n");
      }
      h.append("</tbody></table></dd>\n");
    }
    if (!f.evidence().isEmpty()) {
      dt(h, "label.evidence").append("<dd><ul>\n");
      for (String e : f.evidence()) {
        h.append("<li><code>").append(esc(e)).append("</code></li>\n");
      }
      h.append("</ul></dd>\n");
    }
    dt(h, "label.remediation").append("<dd>").append(esc(f.remediation())).append("</dd>\n");
    if (!f.references().isEmpty()) {
      dt(h, "label.references").append("<dd><ul>\n");
      for (String r : f.references()) {
        h.append("<li>").append(esc(text.reference(r))).append("</li>\n");
      }
      h.append("</ul></dd>\n");
    }
    h.append("</dl>\n</section>\n");
  }

  private StringBuilder dt(StringBuilder h, String key) {
    return h.append("<dt>").append(esc(text.get(key))).append("</dt>");
  }

  /** Escapes text for HTML element content and double- or single-quoted attributes. */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                  if (Character.isISOControl(cp) && cp != '\n' && cp != '\t') {
                    sb.append("&#xFFFD;");
                  } else {
                    sb.appendCodePoint(cp);
                  }
                }
              }
            });
    return sb.toString();
  }
}
