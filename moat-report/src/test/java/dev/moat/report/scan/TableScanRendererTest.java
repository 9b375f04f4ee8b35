package dev.moat.report.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.ScanReport;
import dev.moat.core.text.TerminalText;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

final class TableScanRendererTest {

  private static String render(ScanReport r, Locale locale) throws IOException {
    StringWriter w = new StringWriter();
    ScanRenderer.table(locale).render(r, w);
    return w.toString();
  }

  private static List<String> lines(String s) {
    return s.lines().toList();
  }

  @Test
  void render_english_servicesColumnsAlign() throws IOException {
    List<String> lines = lines(render(SampleReports.ordinary(), Locale.ENGLISH));

    int header = lines.indexOf("Services") + 1;
    String head = lines.get(header);
    assertThat(head).startsWith("HOST").contains("PORT", "SERVICE", "AUTH");
    int portColumn = head.indexOf("PORT");
    assertThat(lines.get(header + 1).substring(portColumn)).startsWith("6379");
    assertThat(lines.get(header + 2).substring(portColumn)).startsWith("8080");
    assertThat(lines.get(header + 3)).contains("postgresql", "required");
  }

  @Test
  void render_chinese_columnsAlignByDisplayWidth() throws IOException {
    List<String> lines = lines(render(SampleReports.ordinary(), Locale.SIMPLIFIED_CHINESE));

    int header = lines.indexOf("问题") + 1;
    String head = lines.get(header);
    assertThat(head).startsWith("严重程度");
    int checkColumn = TerminalText.width(head.substring(0, head.indexOf("检查项")));
    String critical = lines.get(header + 1);
    assertThat(critical).startsWith("严重");
    int checkAt = TerminalText.width(critical.substring(0, critical.indexOf("redis.no-auth")));
    assertThat(checkAt).isEqualTo(checkColumn);
  }

  @Test
  void render_findings_mostSevereFirstWithDetails() throws IOException {
    String out = render(SampleReports.ordinary(), Locale.ENGLISH);

    assertThat(out.indexOf("redis.no-auth")).isLessThan(out.indexOf("http.git-exposed"));
    assertThat(out)
        .contains("Exposed data: CN_MOBILE 2, CN_RESIDENT_ID 3")
        .contains("Remediation: 设置 requirepass")
        .contains("References: DSL-27, PIPL-51")
        .contains("[::1]:8080");
  }

  @Test
  void render_hostilePeerText_hasNoControlCharacters() throws IOException {
    String out = render(SampleReports.hostile(), Locale.ENGLISH);

    assertThat(out.chars().filter(c -> c != '\n' && Character.isISOControl(c))).isEmpty();
    assertThat(out).contains("?[31mred");
  }

  @Test
  void render_empty_saysNothingFound() throws IOException {
    assertThat(render(SampleReports.empty(), Locale.ENGLISH))
        .contains("No open ports found.", "No findings.");
    assertThat(render(SampleReports.empty(), Locale.SIMPLIFIED_CHINESE)).contains("未发现问题。");
  }

  @Test
  void forFormat_unknown_namesTheAcceptedFormats() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> ScanRenderer.forFormat("xml", Locale.ENGLISH))
        .withMessage("format must be one of table, json, sarif, html: xml");
  }

  @Test
  void reportText_englishOnChineseDefaultLocale_staysEnglish() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
      assertThat(ReportText.of(Locale.ENGLISH).get("findings.heading")).isEqualTo("Findings");
      assertThat(ReportText.of(Locale.forLanguageTag("zh")).get("findings.heading"))
          .isEqualTo("问题");
    } finally {
      Locale.setDefault(before);
    }
  }
}
