package dev.moat.core.detect;

import dev.moat.core.Category;
import dev.moat.core.Level;
import java.nio.CharBuffer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * A detector added from configuration: a regex, an optional named validator and hotwords. A match
 * that passes its validator (or has none) is MEDIUM, HIGH with a hotword or field hint; a match
 * that fails the validator is dropped. Custom regexes run with {@code java.util.regex} over the
 * text, so they cost time in proportion to their number.
 *
 * @param entity entity id reported for matches
 * @param pattern the compiled regex
 * @param validator validator name, or null
 * @param hotwords context words (also used as field-name hints)
 * @param category PIPL category of the entity
 * @param level GB/T 43697 level of the entity
 */
record CustomDetector(
    String entity,
    Pattern pattern,
    @Nullable String validator,
    List<String> hotwords,
    Category category,
    Level level) {

  /** Validator names accepted in configuration. */
  static final List<String> VALIDATORS =
      List.of("luhn", "cn_resident_id", "cn_uscc", "cn_org_code", "cn_mobile");

  static CustomDetector of(
      String entity,
      String regex,
      @Nullable String validator,
      List<String> hotwords,
      Category category,
      Level level) {
    if (entity.isBlank()) {
      throw new IllegalArgumentException("custom detector entity must not be blank");
    }
    Pattern p;
    try {
      p = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "invalid regex for custom detector "
              + entity
              + ": "
              + regex
              + " ("
              + e.getDescription()
              + ")",
          e);
    }
    String v = validator == null || validator.isBlank() ? null : validator.toLowerCase(Locale.ROOT);
    if (v != null && !VALIDATORS.contains(v)) {
      throw new IllegalArgumentException(
          "validator of custom detector " + entity + " must be one of " + VALIDATORS + ": " + v);
    }
    return new CustomDetector(entity, p, v, List.copyOf(hotwords), category, level);
  }

  void run(Scan sc) {
    Matcher m = pattern.matcher(CharBuffer.wrap(sc.a, sc.lo, sc.hi - sc.lo));
    while (m.find()) {
      if (m.end() == m.start()) {
        continue;
      }
      int s = sc.lo + m.start();
      int e = sc.lo + m.end();
      if (validator != null && !valid(sc, s, e)) {
        continue;
      }
      sc.validated(entity, s, e, true);
    }
  }

  private boolean valid(Scan sc, int s, int e) {
    char[] n = sc.n;
    int len = 0;
    for (int i = s; i < e && len < n.length; i++) {
      char c = Chars.fold(sc.a[i]);
      if (Chars.word(c)) {
        n[len++] = c;
      }
    }
    return switch (String.valueOf(validator)) {
      case "luhn" -> len >= 2 && Validators.luhn(n, 0, len);
      case "cn_resident_id" -> len == 18 && Validators.residentId(n, 0);
      case "cn_uscc" -> len == 18 && Validators.uscc(n, 0);
      case "cn_org_code" -> len == 9 && Validators.orgCode(n, 0);
      case "cn_mobile" -> len == 11 && Validators.mobile(n, 0);
      default -> false;
    };
  }
}
