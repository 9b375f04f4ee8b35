package dev.moat.core.classify;

import dev.moat.core.Category;
import dev.moat.core.Level;
import java.util.Objects;

/**
 * How an entity is classified.
 *
 * @param entity entity id
 * @param category PIPL / GB/T 35273 category: personal, sensitive personal, or other
 * @param level GB/T 43697 data level
 */
public record DataClass(String entity, Category category, Level level) {
  public DataClass {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(level, "level");
    if (entity.isBlank()) {
      throw new IllegalArgumentException("entity must not be blank");
    }
  }
}
