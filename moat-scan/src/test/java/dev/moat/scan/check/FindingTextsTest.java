package dev.moat.scan.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every registered check's finding texts exist in English and Chinese with the same keys, and every
 * pattern formats (a broken MessageFormat would otherwise only fail at scan time, in one language).
 */
final class FindingTextsTest {
  /** Checks that only identify a service and never report a finding, so have no texts. */
  private static final Set<String> FINGERPRINT_ONLY = Set.of("ssh");

  private static java.util.List<Check> checksWithFindings() {
    return Checks.load().all().stream().filter(c -> !FINGERPRINT_ONLY.contains(c.id())).toList();
  }

  private static ResourceBundle bundle(Check c, Locale l) {
    return ResourceBundle.getBundle(
        c.getClass().getPackageName() + ".Findings",
        l,
        c.getClass().getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  @Test
  void everyCheck_hasTheSameKeysInEnglishAndChinese() {
    for (Check c : checksWithFindings()) {
      Set<String> en = new TreeSet<>(Collections.list(bundle(c, Locale.ENGLISH).getKeys()));
      Set<String> zh =
          new TreeSet<>(Collections.list(bundle(c, Locale.SIMPLIFIED_CHINESE).getKeys()));
      assertThat(zh).as("keys of %s", c.id()).isEqualTo(en);
      assertThat(en).as("keys of %s", c.id()).allMatch(k -> k.startsWith(c.id() + "."));
    }
  }

  @Test
  void everyPattern_formatsInBothLanguages() {
    Object[] args = {1, 1, 1, 1, 1, 1, 1, 1};
    for (Check c : checksWithFindings()) {
      for (Locale l : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
        ResourceBundle b = bundle(c, l);
        for (String k : Collections.list(b.getKeys())) {
          if (k.endsWith(".references")) {
            assertThat(b.getString(k)).as(k).matches("[A-Z]+-\\d+(,[A-Z]+-\\d+)*");
            continue;
          }
          String out = new MessageFormat(b.getString(k), l).format(args);
          assertThat(out).as("%s in %s", k, l).isNotBlank().doesNotContainPattern("\\{\\d");
        }
      }
    }
  }
}
