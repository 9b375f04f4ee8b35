package dev.moat.core.config;

import dev.moat.core.Category;
import dev.moat.core.Level;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A detector defined in config ({@code detect.custom}): a regular expression for an entity of the
 * organisation's own (employee numbers, contract ids …), an optional named validator, hotwords that
 * raise confidence, and the category and level its data is classified as.
 *
 * @param entity entity id, upper-case letters, digits and {@code _}
 * @param pattern a {@link java.util.regex.Pattern} regular expression
 * @param validator name of a built-in validator (e.g. {@code luhn}); checked by the engine
 * @param hotwords words near a match that raise it to high confidence
 * @param category PIPL category of the data
 * @param level GB/T 43697 level of the data
 */
public record CustomDetector(
    String entity,
    String pattern,
    Optional<String> validator,
    List<String> hotwords,
    Category category,
    Level level) {

  public CustomDetector {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(validator, "validator");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(level, "level");
    DetectConfig.checkEntityId("entity", entity);
    if (pattern.isEmpty()) {
      throw new ConfigException("pattern", "config.empty");
    }
    try {
      Pattern p = Pattern.compile(pattern);
      if (p.matcher("").matches()) {
        throw new ConfigException("pattern", "config.regex.empty", pattern);
      }
    } catch (PatternSyntaxException e) {
      throw new ConfigException("pattern", "config.regex", pattern, e.getDescription());
    }
    if (validator.isPresent() && validator.get().isBlank()) {
      throw new ConfigException("validator", "config.empty");
    }
    hotwords = List.copyOf(hotwords);
    for (int i = 0; i < hotwords.size(); i++) {
      if (hotwords.get(i).isBlank()) {
        throw new ConfigException("hotwords[" + i + "]", "config.empty");
      }
    }
  }
}
