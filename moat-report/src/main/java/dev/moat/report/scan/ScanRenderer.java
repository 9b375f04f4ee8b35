package dev.moat.report.scan;

import dev.moat.core.ScanReport;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link ScanReport} in one output format. Instances are immutable and thread-safe.
 *
 * <p>Every renderer treats the report's strings as untrusted: product names, versions and evidence
 * come from the scanned peer, so the table strips terminal control characters and the HTML escapes
 * everything it prints.
 */
public interface ScanRenderer {

  /** The format names accepted by {@link #forFormat}, in the order the CLI lists them. */
  List<String> FORMATS = List.of("table", "json", "sarif", "html");

  /** Writes {@code report} to {@code out}; does not close {@code out}. */
  void render(ScanReport report, Writer out) throws IOException;

  /**
   * The renderer for a format name of {@link #FORMATS}.
   *
   * @param locale language of the texts the renderer adds itself (headings, labels); finding texts
   *     are already in the user's language
   * @throws IllegalArgumentException naming the accepted formats
   */
  static ScanRenderer forFormat(String format, Locale locale) {
    return switch (format.trim().toLowerCase(Locale.ROOT)) {
      case "table" -> table(locale);
      case "json" -> json();
      case "sarif" -> sarif(locale);
      case "html" -> html(locale);
      default ->
          throw new IllegalArgumentException(
              "format must be one of " + String.join(", ", FORMATS) + ": " + format);
    };
  }

  /** The {@code moat scan --format json} contract of DESIGN.md. */
  static ScanRenderer json() {
    return new JsonScanRenderer();
  }

  /** SARIF 2.1.0, one rule per check id, the target as {@code scheme://host:port}. */
  static ScanRenderer sarif(Locale locale) {
    return new SarifScanRenderer(ReportText.of(locale));
  }

  /** Aligned plain text for terminals. */
  static ScanRenderer table(Locale locale) {
    return new TableScanRenderer(ReportText.of(locale));
  }

  /** One self-contained HTML file: inline CSS, no scripts, no external assets. */
  static ScanRenderer html(Locale locale) {
    return new HtmlScanRenderer(ReportText.of(locale));
  }
}
