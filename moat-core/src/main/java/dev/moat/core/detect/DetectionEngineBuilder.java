package dev.moat.core.detect;

import dev.moat.core.Category;
import dev.moat.core.Level;
import dev.moat.core.classify.DataClass;
import dev.moat.core.classify.DataClasses;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link DetectionEngine}. Defaults: every built-in entity, minimum confidence {@link
 * Confidence#MEDIUM}, no custom detectors. Not thread-safe; the engine it builds is.
 */
public final class DetectionEngineBuilder {
  private static final Hotwords HOTWORDS = Hotwords.load();

  private @Nullable Set<String> entities;
  private Confidence minConfidence = Confidence.MEDIUM;
  private final List<CustomDetector> customs = new ArrayList<>();

  DetectionEngineBuilder() {}

  /**
   * Reports only these entities (built-in ids or ids of custom detectors added to this builder).
   *
   * @throws IllegalArgumentException on build when an id is neither
   */
  public DetectionEngineBuilder entities(Collection<String> ids) {
    this.entities = new LinkedHashSet<>(ids);
    return this;
  }

  /** Drops matches below {@code min}. */
  public DetectionEngineBuilder minConfidence(Confidence min) {
    this.minConfidence = Objects.requireNonNull(min, "minConfidence");
    return this;
  }

  /**
   * Adds a detector from configuration and registers its data class with {@link DataClasses}.
   *
   * @param entity entity id to report, e.g. {@code EMPLOYEE_NO}
   * @param regex a {@link java.util.regex.Pattern} regex; the whole match is the value
   * @param validator null, or one of {@code luhn}, {@code cn_resident_id}, {@code cn_uscc}, {@code
   *     cn_org_code}, {@code cn_mobile}
   * @param hotwords context words that raise confidence (also matched against field names)
   * @param category PIPL category of the entity
   * @param level GB/T 43697 level of the entity
   * @throws IllegalArgumentException for an invalid regex (the message names the pattern) or an
   *     unknown validator
   */
  public DetectionEngineBuilder addCustom(
      String entity,
      String regex,
      @Nullable String validator,
      List<String> hotwords,
      Category category,
      Level level) {
    customs.add(CustomDetector.of(entity, regex, validator, hotwords, category, level));
    return this;
  }

  /** Builds the immutable engine. */
  public DetectionEngine build() {
    Hotwords hw = HOTWORDS;
    for (CustomDetector c : customs) {
      hw = hw.with(c.entity(), c.hotwords());
      DataClasses.register(new DataClass(c.entity(), c.category(), c.level()));
    }
    Set<String> ids = null;
    if (entities != null) {
      for (String id : entities) {
        boolean custom = customs.stream().anyMatch(c -> c.entity().equals(id));
        if (!custom && !Entities.ALL.contains(id)) {
          throw new IllegalArgumentException("unknown entity: " + id);
        }
      }
      ids = Set.copyOf(entities);
    }
    return new StandardEngine(new Rules(ids, minConfidence, hw, List.copyOf(customs)));
  }
}
