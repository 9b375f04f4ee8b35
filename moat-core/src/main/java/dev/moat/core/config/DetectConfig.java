package dev.moat.core.config;

import dev.moat.core.detect.Confidence;
import dev.moat.core.text.PathExcludes;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code detect} section: which entities to look for, the lowest confidence reported, the
 * number of files read in parallel, detectors defined by the organisation, and paths left out of
 * directory walks.
 *
 * @param entities entity ids to report; empty means all
 * @param minConfidence matches below this are not reported
 * @param threads files processed in parallel; {@code 0} means one per processor
 * @param custom detectors from config, in addition to the built-in ones
 * @param exclude globs of files and directories not read inside a directory ({@link PathExcludes})
 */
public record DetectConfig(
    List<String> entities,
    Confidence minConfidence,
    int threads,
    List<CustomDetector> custom,
    List<String> exclude) {

  /** Upper bound of {@link #threads}. */
  public static final int MAX_THREADS = 256;

  /**
   * All entities, medium confidence and above, one thread per processor, no custom detectors,
   * nothing excluded.
   */
  public static final DetectConfig DEFAULTS =
      new DetectConfig(List.of(), Confidence.MEDIUM, 0, List.of(), List.of());

  private static final Pattern ENTITY_ID = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  public DetectConfig {
    Objects.requireNonNull(minConfidence, "minConfidence");
    entities = List.copyOf(entities);
    custom = List.copyOf(custom);
    exclude = List.copyOf(exclude);
    for (int i = 0; i < entities.size(); i++) {
      checkEntityId("entities[" + i + "]", entities.get(i));
    }
    if (threads < 0 || threads > MAX_THREADS) {
      throw new ConfigException("threads", "config.range", 0, MAX_THREADS, threads);
    }
    for (int i = 0; i < exclude.size(); i++) {
      try {
        PathExcludes.of(List.of(exclude.get(i)));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            "exclude[" + i + "]", "config.glob", exclude.get(i), String.valueOf(e.getMessage()));
      }
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < custom.size(); i++) {
      String e = custom.get(i).entity();
      if (!seen.add(e + "\u0000" + custom.get(i).pattern())) {
        throw new ConfigException("custom[" + i + "]", "config.duplicate", e);
      }
    }
  }

  /** The exclude globs, compiled. */
  public PathExcludes excludes() {
    return PathExcludes.of(exclude);
  }

  /** The number of threads to use: {@link #threads}, or the processor count when it is 0. */
  public int effectiveThreads() {
    return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
  }

  /** This config with other entities. */
  public DetectConfig withEntities(List<String> e) {
    return new DetectConfig(e, minConfidence, threads, custom, exclude);
  }

  /** This config with another minimum confidence. */
  public DetectConfig withMinConfidence(Confidence c) {
    return new DetectConfig(entities, c, threads, custom, exclude);
  }

  /** This config with another thread count. */
  public DetectConfig withThreads(int t) {
    return new DetectConfig(entities, minConfidence, t, custom, exclude);
  }

  /** This config with {@code more} exclude globs after its own. */
  public DetectConfig withMoreExcludes(List<String> more) {
    List<String> all = new java.util.ArrayList<>(exclude);
    all.addAll(more);
    return new DetectConfig(entities, minConfidence, threads, custom, all);
  }

  static void checkEntityId(String key, String id) {
    if (!ENTITY_ID.matcher(id).matches()) {
      throw new ConfigException(key, "config.entity", id);
    }
  }
}
