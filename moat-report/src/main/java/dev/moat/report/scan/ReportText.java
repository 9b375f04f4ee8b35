package dev.moat.report.scan;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The renderer texts of one language. Any Chinese locale selects zh-CN, anything else English; the
 * JVM's default locale never leaks in (no fallback control), so {@code --lang en} on a Chinese
 * machine gives English.
 */
final class ReportText {
  private static final String BUNDLE = "dev.moat.report.scan.ScanReportMessages";

  private final ResourceBundle bundle;
  private final Locale locale;

  private ReportText(ResourceBundle bundle, Locale locale) {
    this.bundle = bundle;
    this.locale = locale;
  }

  static ReportText of(Locale requested) {
    Locale locale =
        "zh".equals(requested.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    ResourceBundle b =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new ReportText(b, locale);
  }

  Locale locale() {
    return locale;
  }

  String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  /** The bundle text for {@code key}, or {@code fallback} when the bundle has none. */
  String getOr(String key, String fallback) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return fallback;
    }
  }

  /** A reference id such as {@code DSL-27} with its law article, or the bare id if unknown. */
  String reference(String id) {
    return getOr("ref." + id, id);
  }
}
