package dev.moat.core.detect;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The immutable configuration an engine scans with.
 *
 * @param entities the entities to report, or null for all
 * @param minConfidence matches below this are dropped
 * @param hotwords context words and field hints
 * @param customs detectors added from configuration
 */
record Rules(
    @Nullable Set<String> entities,
    Confidence minConfidence,
    Hotwords hotwords,
    List<CustomDetector> customs) {

  boolean enabled(String entity) {
    return entities == null || entities.contains(entity);
  }
}
