package dev.moat.report.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Category;
import dev.moat.core.Level;
import dev.moat.core.detect.Confidence;
import dev.moat.discover.Change;
import dev.moat.discover.Inventory;
import dev.moat.discover.InventoryColumn;
import dev.moat.discover.SourceStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

final class InventoryTableTest {
  static InventoryColumn col(String table, String column, List<String> examples) {
    return new InventoryColumn(
        "jdbc:sqlite:x.db",
        null,
        null,
        table,
        column,
        "CN_MOBILE",
        Confidence.HIGH,
        1.0,
        10,
        100,
        Category.PI,
        Level.GENERAL,
        examples,
        Instant.EPOCH,
        Change.NEW,
        null,
        null);
  }

  static String render(Inventory inv, Locale locale) {
    StringWriter s = new StringWriter();
    InventoryTable.write(inv, new PrintWriter(s), Labels.of(locale));
    return s.toString();
  }

  @Test
  void write_namesAndExamplesFromTheSource_haveTheirControlCharactersReplaced() {
    Inventory inv =
        new Inventory(
            List.of(new SourceStatus("jdbc:sqlite:x.db", true, "skipped \u001b[2Jtable")),
            List.of(col("ke\u001b[31mhu", "sho\u0007uji", List.of("138****1234\r\u001b[1A"))));
    String out = render(inv, Locale.ENGLISH);
    assertThat(out).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\r");
    assertThat(out).contains("ke?[31mhu").contains("sho?uji").contains("skipped ?[2Jtable");
  }

  @Test
  void write_chineseNames_lineUpByDisplayWidth() {
    Inventory inv =
        new Inventory(
            List.of(new SourceStatus("jdbc:sqlite:x.db", true, "")),
            List.of(col("客户表", "手机号", List.of("138****1234")), col("orders", "phone", List.of())));
    List<String> lines = render(inv, Locale.SIMPLIFIED_CHINESE).lines().limit(3).toList();
    int first =
        dev.moat.core.text.TerminalText.width(
            lines.get(1).substring(0, lines.get(1).indexOf("手机号")));
    int second =
        dev.moat.core.text.TerminalText.width(
            lines.get(2).substring(0, lines.get(2).indexOf("phone")));
    assertThat(first).isEqualTo(second);
  }
}
