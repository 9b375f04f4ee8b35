package dev.moat.report.inventory;

import dev.moat.core.text.TerminalText;
import dev.moat.discover.Change;
import dev.moat.discover.Inventory;
import dev.moat.discover.InventoryColumn;
import dev.moat.discover.SourceStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plain-text table for the terminal: the columns that hold personal or important data (and those
 * removed since the last run), then a one-line summary. Widths count CJK characters as two cells;
 * names, examples and messages come from the sources, so their control characters are replaced.
 */
public final class InventoryTable {
  private InventoryTable() {}

  /** Writes {@code inv} to {@code out}. */
  public static void write(Inventory inv, PrintWriter out, Labels l) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          l.get("col.database"), l.get("col.table"), l.get("col.column"), l.get("col.class"),
          l.get("col.level"), l.get("col.rows"), l.get("col.hitRate"), l.get("col.examples"),
          l.get("col.change")
        });
    int sensitive = 0;
    Set<String> tables = new HashSet<>();
    for (InventoryColumn c : inv.columns()) {
      if (c.change() != Change.REMOVED) {
        tables.add(c.source() + "\u0000" + Labels.database(c) + "\u0000" + c.table());
      }
      if (c.sensitive() && c.change() != Change.REMOVED) {
        sensitive++;
      }
      if (!c.sensitive() && c.change() != Change.REMOVED) {
        continue;
      }
      rows.add(
          new String[] {
            Labels.database(c),
            c.table(),
            c.column(),
            l.dataClass(c),
            l.level(c),
            l.rows(c.rows()),
            Labels.percent(c.hitRate()),
            String.join(" ", c.examples()),
            l.change(c)
          });
    }
    if (rows.size() > 1) {
      print(rows, out);
      out.println();
    }
    long live = inv.columns().stream().filter(c -> c.change() != Change.REMOVED).count();
    out.println(
        sensitive == 0
            ? l.get("summary.none")
            : l.get("summary", live, tables.size(), inv.sources().size(), sensitive));
    for (SourceStatus s : inv.sources()) {
      if (!s.message().isEmpty()) {
        out.println(TerminalText.clean(s.source() + ": " + s.message()));
      }
    }
    out.flush();
  }

  private static void print(List<String[]> rows, PrintWriter out) {
    int cols = rows.get(0).length;
    int[] w = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < cols; i++) {
        r[i] = TerminalText.clean(r[i]);
        w[i] = Math.min(48, Math.max(w[i], TerminalText.width(r[i])));
      }
    }
    for (String[] r : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < cols; i++) {
        String cell = r[i];
        sb.append(cell);
        if (i < cols - 1) {
          sb.append(" ".repeat(Math.max(1, w[i] - TerminalText.width(cell) + 2)));
        }
      }
      out.println(sb.toString().stripTrailing());
    }
  }
}
