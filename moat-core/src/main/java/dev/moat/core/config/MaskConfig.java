package dev.moat.core.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code mask} section: the key of the HMAC token masker and per-entity mask overrides.
 *
 * @param hmacKey where the HMAC-SHA256 key is kept; absent when no token masking is configured
 * @param overrides entity id → mask spec (the spec syntax belongs to {@code dev.moat.core.mask});
 *     sorted by entity id
 */
public record MaskConfig(Optional<SecretRef> hmacKey, Map<String, String> overrides) {

  /** No HMAC key, default masks for every entity. */
  public static final MaskConfig DEFAULTS = new MaskConfig(Optional.empty(), Map.of());

  public MaskConfig {
    Objects.requireNonNull(hmacKey, "hmacKey");
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      DetectConfig.checkEntityId("overrides." + e.getKey(), e.getKey());
      if (e.getValue().isBlank()) {
        throw new ConfigException("overrides." + e.getKey(), "config.empty");
      }
    }
    overrides = java.util.Collections.unmodifiableMap(new TreeMap<>(overrides));
  }
}
