package dev.moat.discover;

import dev.moat.core.Category;
import dev.moat.core.Level;
import dev.moat.core.detect.Confidence;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one column holds.
 *
 * @param entity entity id, or null when nothing personal or important was found
 * @param confidence null exactly when {@code entity} is null
 * @param hitRate share of sampled values supporting the entity, 0..1
 * @param examples up to three masked examples
 */
public record Classification(
    @Nullable String entity,
    @Nullable Confidence confidence,
    double hitRate,
    Category category,
    Level level,
    List<String> examples) {

  public Classification {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(level, "level");
    if ((entity == null) != (confidence == null)) {
      throw new IllegalArgumentException("entity and confidence must both be set or both null");
    }
    examples = List.copyOf(examples);
  }

  /** A column with nothing to report. */
  public static Classification none() {
    return new Classification(null, null, 0, Category.OTHER, Level.GENERAL, List.of());
  }
}
