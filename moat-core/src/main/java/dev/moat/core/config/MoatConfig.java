package dev.moat.core.config;

import java.util.Objects;

/**
 * The whole of {@code moat.yaml}, one record component per section. Commands that need settings of
 * their own add a section here (and its keys to the CLI's loader); unknown keys are rejected when
 * the file is read, so a typo never silently falls back to a default.
 *
 * @param detect the {@code detect} section
 * @param mask the {@code mask} section
 * @param discover the {@code discover} section
 */
public record MoatConfig(DetectConfig detect, MaskConfig mask, DiscoverConfig discover) {

  /** Every section at its defaults: what Moat uses with no config file. */
  public static final MoatConfig DEFAULTS =
      new MoatConfig(DetectConfig.DEFAULTS, MaskConfig.DEFAULTS, DiscoverConfig.DEFAULTS);

  public MoatConfig {
    Objects.requireNonNull(detect, "detect");
    Objects.requireNonNull(mask, "mask");
    Objects.requireNonNull(discover, "discover");
  }

  /** This config with another {@code detect} section. */
  public MoatConfig withDetect(DetectConfig d) {
    return new MoatConfig(d, mask, discover);
  }
}
