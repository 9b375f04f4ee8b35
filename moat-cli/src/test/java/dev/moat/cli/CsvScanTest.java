package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.detect.Confidence;
import dev.moat.core.detect.DetectionEngine;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CsvScanTest {
  private static final DetectionEngine ENGINE =
      DetectionEngine.builder().minConfidence(Confidence.LOW).build();

  record Hit(long line, long start, long end, String entity, Confidence confidence) {}

  private static List<Hit> scan(String text, char delimiter) throws IOException {
    List<Hit> hits = new ArrayList<>();
    new CsvScan(
            ENGINE,
            delimiter,
            (l, s, e, m) -> hits.add(new Hit(l, s, e, m.entity(), m.confidence())))
        .run(new StringReader(text));
    return hits;
  }

  private static List<Hit> stream(String text) throws IOException {
    List<Hit> hits = new ArrayList<>();
    ENGINE.scan(
        new StringReader(text),
        (l, s, e, m) -> hits.add(new Hit(l, s, e, m.entity(), m.confidence())));
    return hits;
  }

  @Test
  void scan_headerNamesColumn_raisesConfidence() throws IOException {
    // Row 4's passport number is far from the header: as prose it has no context at all.
    String row = "客户编号00000001,北京市朝阳区某某街道某某小区某号楼,备注信息无,";
    String csv = "客户编号,地址,备注,护照号\n" + (row + "E12345678\n").repeat(3) + row + "E87654321\n";
    Hit last =
        scan(csv, ',').stream()
            .filter(h -> h.entity().equals("CN_PASSPORT"))
            .reduce((a, b) -> b)
            .get();
    assertThat(last.line()).isEqualTo(5);
    assertThat(last.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(stream(csv))
        .filteredOn(h -> h.entity().equals("CN_PASSPORT") && h.line() == 5)
        .allSatisfy(h -> assertThat(h.confidence()).isEqualTo(Confidence.LOW));
  }

  @Test
  void scan_pinyinHeaders_nameTheirColumns() throws IOException {
    String csv =
        "xingming,shenfenzhenghao,shouji,dizhi\n"
            + "张三,110105199003071239,13812345678,北京市朝阳区建国路88号\n";
    assertThat(scan(csv, ','))
        .extracting(Hit::entity, Hit::confidence)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CN_NAME", Confidence.HIGH),
            org.assertj.core.groups.Tuple.tuple("CN_RESIDENT_ID", Confidence.HIGH),
            org.assertj.core.groups.Tuple.tuple("CN_MOBILE", Confidence.HIGH),
            org.assertj.core.groups.Tuple.tuple("CN_ADDRESS", Confidence.HIGH));
  }

  @Test
  void scan_idColumn_reportsFileOffsets() throws IOException {
    String csv = "姓名,身份证号,手机号\n张三,110105199003071239,13812345678\n";
    assertThat(scan(csv, ','))
        .contains(new Hit(2, 3, 21, "CN_RESIDENT_ID", Confidence.HIGH))
        .contains(new Hit(2, 22, 33, "CN_MOBILE", Confidence.HIGH));
  }

  @Test
  void scan_quotedCellsAndWideChars_keepFileOffsets() throws IOException {
    String csv = "name,note,phone\n\"王𠀀\",\"a, b\",\"13812345678\"\n";
    Hit phone =
        scan(csv, ',').stream().filter(h -> h.entity().equals("CN_MOBILE")).findFirst().get();
    // Line 2: "王𠀀","a, b","13812345678" — the number starts at code point 15.
    String line = "\"王𠀀\",\"a, b\",\"13812345678\"";
    int cp = line.codePointCount(0, line.indexOf("138"));
    assertThat(phone).isEqualTo(new Hit(2, cp, cp + 11, "CN_MOBILE", Confidence.HIGH));
  }

  @Test
  void scan_firstLineWithData_isStreamedLikeText() throws IOException {
    String csv = "13812345678,x\n13912345678,y\n";
    assertThat(scan(csv, ',')).isEqualTo(stream(csv));
  }

  @Test
  void scan_tsv_splitsOnTabs() throws IOException {
    String tsv = "id\tmobile\n1\t13812345678\n";
    assertThat(scan(tsv, '\t')).containsExactly(new Hit(2, 2, 13, "CN_MOBILE", Confidence.HIGH));
  }

  @Test
  void scan_overlongLine_restIsStreamedWithShiftedLines() throws IOException {
    String longLine = "x".repeat(LineScan.MAX_LINE + 10) + " 13812345678";
    String csv = "a,mobile\n1,13812345678\n" + longLine + "\n2,13912345678\n";
    List<Hit> hits = scan(csv, ',');
    assertThat(hits).extracting(Hit::line).containsExactly(2L, 3L, 4L);
    assertThat(hits.get(1).start()).isEqualTo(LineScan.MAX_LINE + 11);
  }

  @Test
  void delimiter_byExtension() {
    assertThat(CsvScan.delimiter("export.CSV")).isEqualTo(',');
    assertThat(CsvScan.delimiter("dump.tsv.gz")).isEqualTo('\t');
    assertThat(CsvScan.delimiter("app.log")).isEqualTo((char) 0);
  }

  @Test
  void cells_quotesAndEmptyCells() {
    List<Integer> starts = new ArrayList<>();
    assertThat(CsvScan.cells("a,\"b,c\",,d", ',', starts)).containsExactly("a", "b,c", "", "d");
    assertThat(starts).containsExactly(0, 3, 8, 9);
  }
}
