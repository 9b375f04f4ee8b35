package dev.moat.core.config;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code discover} section: the organisation's sources with the accounts to read them, and the
 * sampling limits {@code moat discover} uses unless its options say otherwise.
 *
 * @param sources sources read when no source is given on the command line, and the accounts for
 *     sources that are given (matched by their URL, exactly as written)
 * @param sample rows sampled per table
 * @param maxTables tables sampled per source at most
 * @param concurrency tables sampled in parallel
 * @param timeoutSeconds the time limit of one query
 */
public record DiscoverConfig(
    List<DiscoverSource> sources, int sample, int maxTables, int concurrency, int timeoutSeconds) {

  /** Upper bound of {@link #sample}. */
  public static final int MAX_SAMPLE = 100_000;

  /** Upper bound of {@link #concurrency}. */
  public static final int MAX_CONCURRENCY = 64;

  /** No configured sources; 100 rows per table, 1000 tables, 4 in parallel, 30 s per query. */
  public static final DiscoverConfig DEFAULTS = new DiscoverConfig(List.of(), 100, 1000, 4, 30);

  public DiscoverConfig {
    sources = List.copyOf(sources);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < sources.size(); i++) {
      if (!seen.add(sources.get(i).url())) {
        throw new ConfigException("sources[" + i + "].url", "config.duplicateSource");
      }
    }
    range("sample", sample, 1, MAX_SAMPLE);
    range("maxTables", maxTables, 1, Integer.MAX_VALUE);
    range("concurrency", concurrency, 1, MAX_CONCURRENCY);
    range("timeout", timeoutSeconds, 1, 86_400);
  }

  private static void range(String key, int v, int min, int max) {
    if (v < min || v > max) {
      throw new ConfigException(key, "config.range", min, max, v);
    }
  }

  /** The configured source whose URL is exactly {@code url}, if any. */
  public Optional<DiscoverSource> source(String url) {
    String u = url.trim();
    return sources.stream().filter(s -> s.url().equals(u)).findFirst();
  }
}
