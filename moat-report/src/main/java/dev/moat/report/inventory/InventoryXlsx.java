package dev.moat.report.inventory;

import dev.moat.discover.Inventory;
import dev.moat.discover.InventoryColumn;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The 数据资产清单 as a compliance team keeps it: one row per column with 数据源, 库, 表, 字段, 数据类别, 敏感级别, 记录数,
 * 命中率, 脱敏样例, 首次发现, 变化 (English headers for {@code --lang en}); frozen header row, auto-filter,
 * fixed widths. Streams rows (SXSSF), so memory stays flat for large inventories.
 */
public final class InventoryXlsx {
  private static final String[] KEYS = {
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
  };

  /** Widths in characters. */
  private static final int[] WIDTHS = {36, 18, 30, 22, 30, 12, 12, 10, 40, 20, 22};

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private InventoryXlsx() {}

  /** Writes the workbook to {@code out} (not closed). */
  public static void write(Inventory inv, OutputStream out, Labels l) throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
      SXSSFSheet sheet = wb.createSheet(l.get("sheet"));
      CellStyle head = wb.createCellStyle();
      Font bold = wb.createFont();
      bold.setBold(true);
      head.setFont(bold);
      head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      CellStyle pct = wb.createCellStyle();
      pct.setDataFormat(wb.createDataFormat().getFormat("0%"));
      Row h = sheet.createRow(0);
      for (int i = 0; i < KEYS.length; i++) {
        var cell = h.createCell(i);
        cell.setCellValue(l.get(KEYS[i]));
        cell.setCellStyle(head);
        sheet.setColumnWidth(i, WIDTHS[i] * 256);
      }
      int r = 1;
      for (InventoryColumn c : inv.columns()) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(c.source());
        row.createCell(1).setCellValue(Labels.database(c));
        row.createCell(2).setCellValue(c.table());
        row.createCell(3).setCellValue(c.column());
        row.createCell(4).setCellValue(l.dataClass(c));
        row.createCell(5).setCellValue(l.level(c));
        if (c.rows() >= 0) {
          row.createCell(6).setCellValue((double) c.rows());
        } else {
          row.createCell(6).setCellValue(l.get("none"));
        }
        var hit = row.createCell(7);
        hit.setCellValue(c.hitRate());
        hit.setCellStyle(pct);
        row.createCell(8).setCellValue(String.join("; ", c.examples()));
        row.createCell(9).setCellValue(TIME.format(c.firstSeen()));
        row.createCell(10).setCellValue(l.change(c));
      }
      sheet.createFreezePane(0, 1);
      sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, KEYS.length - 1));
      wb.write(out);
    }
    out.flush();
  }
}
