package dev.moat.discover;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads XLSX workbooks: each sheet is a table named {@code file#sheet}, its first non-empty row the
 * header. Opened read-only; cells are formatted as Excel shows them.
 */
final class XlsxReader {
  private XlsxReader() {}

  static List<TableSample> read(Path file, String name, int n, RandomGenerator random)
      throws IOException {
    List<TableSample> out = new ArrayList<>();
    DataFormatter fmt = new DataFormatter();
    try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
      for (Sheet sheet : wb) {
        List<String> header = null;
        Reservoir<Row> res = new Reservoir<>(n, random);
        for (Row row : sheet) {
          if (header == null) {
            List<String> h = cells(row, fmt, -1);
            if (h.stream().anyMatch(s -> !s.isBlank())) {
              header = h;
            }
            continue;
          }
          res.offer(row);
        }
        if (header == null) {
          continue;
        }
        List<ColumnSample> cols = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
          List<String> values = new ArrayList<>();
          for (Row row : res.items()) {
            Cell c = row.getCell(i);
            String v = c == null ? "" : fmt.formatCellValue(c).trim();
            if (!v.isEmpty()) {
              values.add(ColumnSample.cut(v));
            }
          }
          String col = header.get(i).isBlank() ? "column_" + (i + 1) : header.get(i).trim();
          cols.add(new ColumnSample(col, null, null, values));
        }
        out.add(
            new TableSample(
                null,
                null,
                name + "#" + sheet.getSheetName(),
                res.seen(),
                res.items().size(),
                cols));
      }
    }
    return out;
  }

  private static List<String> cells(Row row, DataFormatter fmt, int min) {
    List<String> out = new ArrayList<>();
    int last = Math.max(row.getLastCellNum(), min);
    for (int i = 0; i < last; i++) {
      Cell c = row.getCell(i);
      out.add(c == null ? "" : fmt.formatCellValue(c));
    }
    return out;
  }
}
