package dev.moat.report.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.ScanReport;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

final class HtmlScanRendererTest {

  private static String render(ScanReport r, Locale locale) throws IOException {
    StringWriter w = new StringWriter();
    ScanRenderer.html(locale).render(r, w);
    return w.toString();
  }

  @Test
  void render_ordinary_isSelfContained() throws IOException {
    String html = render(SampleReports.ordinary(), Locale.ENGLISH);

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").endsWith("</html>\n");
    assertThat(html.toLowerCase(Locale.ROOT))
        .doesNotContain("<script", "<link", "src=", "url(", "@import", "href=");
    assertThat(html).contains("default-src 'none'");
  }

  @Test
  void render_hostileStrings_areEscaped() throws IOException {
    String html = render(SampleReports.hostile(), Locale.ENGLISH);

    assertThat(html).doesNotContain("<script>", "alert('x')", "\u001b");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(html).contains("&amp;&quot;");
  }

  @Test
  void render_chinese_hasSummaryServicesFindingsAndLawTexts() throws IOException {
    String html = render(SampleReports.ordinary(), Locale.SIMPLIFIED_CHINESE);

    assertThat(html).contains("<html lang=\"zh-CN\">", "Moat 扫描报告", "按严重程度统计");
    assertThat(html).contains("<span class=\"sev critical\">严重</span><b>1</b>");
    assertThat(html).contains("<span class=\"sev medium\">中危</span><b>1</b>");
    assertThat(html).contains("<span class=\"sev high\">高危</span><b>0</b>");
    assertThat(html).contains("<td>postgresql</td>", "<td>需要认证</td>");
    assertThat(html).contains("redis://127.0.0.1:6379", "修复建议", "设置 requirepass");
    assertThat(html).contains("《个人信息保护法》第五十一条");
    assertThat(html).contains("<code>CN_RESIDENT_ID</code></td><td>3</td>");
    assertThat(html).contains("user:1 → 430102********1234");
  }

  @Test
  void render_english_usesEnglishLabels() throws IOException {
    String html = render(SampleReports.ordinary(), Locale.ENGLISH);

    assertThat(html).contains("<html lang=\"en\">", "Findings by severity", "Remediation");
    assertThat(html).contains("Data Security Law Art. 27");
    assertThat(html).doesNotContain("修复建议");
  }

  @Test
  void render_empty_saysNoFindings() throws IOException {
    assertThat(render(SampleReports.empty(), Locale.ENGLISH)).contains("No findings.");
  }
}
