package dev.moat.report.inventory;

import dev.moat.discover.Change;
import dev.moat.discover.Inventory;
import dev.moat.discover.InventoryColumn;
import dev.moat.discover.SourceStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A self-contained HTML page (inline CSS, no scripts, no external resources): sources with their
 * status, then one row per column, sensitive rows first-class and the rest greyed.
 */
public final class InventoryHtml {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private static final String CSS =
      "body{font-family:-apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;"
          + "margin:2em;color:#222}table{border-collapse:collapse;width:100%;font-size:13px}"
          + "th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}"
          + "th{background:#f0f0f0;position:sticky;top:0}tr.none td{color:#999}"
          + ".sensitive-pi{color:#b00020;font-weight:600}.pi{color:#a15c00}.removed td{"
          + "text-decoration:line-through}.error{color:#b00020}h1{font-size:20px}"
          + "code{font-family:ui-monospace,monospace}";

  private InventoryHtml() {}

  /** Writes the page to {@code out}. */
  public static void write(
      Inventory inv, PrintWriter out, Labels l, Instant generated, String version) {
    out.println("<!DOCTYPE html>");
    out.println("<html><head><meta charset=\"utf-8\"><title>" + esc(l.get("title")) + "</title>");
    out.println("<style>" + CSS + "</style></head><body>");
    out.println("<h1>" + esc(l.get("title")) + "</h1>");
    out.println("<p>" + esc(l.get("generated", TIME.format(generated), version)) + "</p>");
    long sensitive =
        inv.columns().stream().filter(c -> c.sensitive() && c.change() != Change.REMOVED).count();
    long tables =
        inv.columns().stream()
            .map(c -> c.source() + "|" + Labels.database(c) + "|" + c.table())
            .distinct()
            .count();
    out.println(
        "<p>"
            + esc(
                sensitive == 0
                    ? l.get("summary.none")
                    : l.get(
                        "summary", inv.columns().size(), tables, inv.sources().size(), sensitive))
            + "</p>");
    out.println(
        "<h2>"
            + esc(l.get("sources"))
            + "</h2><table><tr><th>"
            + esc(l.get("col.source"))
            + "</th><th>"
            + esc(l.get("col.status"))
            + "</th><th>"
            + esc(l.get("col.message"))
            + "</th></tr>");
    for (SourceStatus s : inv.sources()) {
      out.println(
          "<tr><td><code>"
              + esc(s.source())
              + "</code></td><td"
              + (s.ok() ? ">" : " class=\"error\">")
              + esc(l.get("status." + s.status()))
              + "</td><td>"
              + esc(s.message())
              + "</td></tr>");
    }
    out.println("</table><h2>" + esc(l.get("title")) + "</h2><table><tr>");
    for (String k :
        new String[] {
          "col.source",
          "col.database",
          "col.table",
          "col.column",
          "col.class",
          "col.level",
          "col.rows",
          "col.hitRate",
          "col.examples",
          "col.firstSeen",
          "col.change"
        }) {
      out.print("<th>" + esc(l.get(k)) + "</th>");
    }
    out.println("</tr>");
    for (InventoryColumn c : inv.columns()) {
      String cls = c.change() == Change.REMOVED ? "removed" : c.sensitive() ? "" : "none";
      out.println(
          "<tr"
              + (cls.isEmpty() ? "" : " class=\"" + cls + "\"")
              + "><td><code>"
              + esc(c.source())
              + "</code></td><td>"
              + esc(Labels.database(c))
              + "</td><td>"
              + esc(c.table())
              + "</td><td><code>"
              + esc(c.column())
              + "</code></td><td class=\""
              + c.category().id()
              + "\">"
              + esc(l.dataClass(c))
              + "</td><td>"
              + esc(l.level(c))
              + "</td><td>"
              + esc(l.rows(c.rows()))
              + "</td><td>"
              + Labels.percent(c.hitRate())
              + "</td><td><code>"
              + esc(String.join("  ", c.examples()))
              + "</code></td><td>"
              + esc(TIME.format(c.firstSeen()))
              + "</td><td>"
              + esc(l.change(c))
              + "</td></tr>");
    }
    out.println("</table></body></html>");
    out.flush();
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(ch);
      }
    }
    return sb.toString();
  }
}
