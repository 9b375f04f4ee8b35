package dev.moat.scan.check;

import dev.moat.core.Severity;
import dev.moat.core.detect.Entities;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What sensitive data a sample showed: entity id → number of values found, masked examples, and how
 * many values were inspected. Holds no raw value.
 *
 * <p>Severity policy ({@link #raise}): sensitive personal information (PIPL Art. 28: identity
 * document numbers, bank cards, financial and health data, precise location) and secrets
 * (credentials, keys) make a finding {@link Severity#CRITICAL}; any other personal information
 * raises it to at least {@link Severity#HIGH}; an empty exposure leaves the base severity.
 *
 * @param counts entity id → number of matching values in the sample
 * @param examples masked examples, each {@code location field: masked}
 * @param sampled number of values inspected
 */
public record Exposure(Map<String, Integer> counts, List<String> examples, int sampled) {

  /** Nothing sampled. */
  public static final Exposure NONE = new Exposure(Map.of(), List.of(), 0);

  /** Entities whose exposure makes a finding critical. */
  public static final Set<String> SENSITIVE =
      Set.of(
          Entities.CN_RESIDENT_ID,
          Entities.CN_RESIDENT_ID_15,
          Entities.BANK_CARD,
          Entities.CN_PASSPORT,
          Entities.HK_MACAU_PERMIT,
          Entities.TW_PERMIT,
          Entities.MAINLAND_TRAVEL_PERMIT,
          Entities.HK_ID,
          Entities.MACAU_ID,
          Entities.TW_ID,
          Entities.HEALTH,
          Entities.FINANCIAL,
          Entities.GPS,
          Entities.CREDENTIAL,
          Entities.SECRET_KEY);

  /** Entities that are not personal information: they do not raise severity. */
  public static final Set<String> NOT_PERSONAL = Set.of(Entities.CN_USCC, Entities.CN_ORG_CODE);

  public Exposure {
    counts = java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
    examples = List.copyOf(examples);
    if (sampled < 0) {
      throw new IllegalArgumentException("sampled must be >= 0: " + sampled);
    }
  }

  /** True when no sensitive value was found. */
  public boolean isEmpty() {
    return counts.isEmpty();
  }

  /** {@code base} raised by what this exposure shows (see the class documentation). */
  public Severity raise(Severity base) {
    boolean sensitive = counts.keySet().stream().anyMatch(SENSITIVE::contains);
    if (sensitive) {
      return Severity.CRITICAL;
    }
    boolean personal = counts.keySet().stream().anyMatch(e -> !NOT_PERSONAL.contains(e));
    if (personal && !base.atLeast(Severity.HIGH)) {
      return Severity.HIGH;
    }
    return base;
  }

  /** This exposure and {@code other} together. */
  public Exposure plus(Exposure other) {
    Map<String, Integer> sum = new LinkedHashMap<>(counts);
    other.counts.forEach((k, v) -> sum.merge(k, v, Integer::sum));
    Set<String> ex = new java.util.LinkedHashSet<>(examples);
    ex.addAll(other.examples);
    return new Exposure(sum, List.copyOf(ex), sampled + other.sampled);
  }
}
