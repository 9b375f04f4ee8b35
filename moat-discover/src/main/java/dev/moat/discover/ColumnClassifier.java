package dev.moat.discover;

import dev.moat.core.Category;
import dev.moat.core.Level;
import dev.moat.core.classify.DataClass;
import dev.moat.core.classify.DataClasses;
import dev.moat.core.detect.Confidence;
import dev.moat.core.detect.DetectionEngine;
import dev.moat.core.detect.Entities;
import dev.moat.core.detect.Match;
import dev.moat.core.mask.Maskers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Gives each column one entity, from three kinds of evidence:
 *
 * <ol>
 *   <li>the detector hit rate over the sampled values (checksums, dates, allocation tables);
 *   <li>value-shape rules for what no checksum proves: names, addresses, password hashes, health
 *       terms, dates and amounts ({@link Shapes});
 *   <li>column-name and comment hints in Chinese, English and pinyin ({@link NameHints}).
 * </ol>
 *
 * <p>Rules, in order: values the detectors validate in at least half of the sample win (a cryptic
 * {@code c1} full of ID numbers is {@code CN_RESIDENT_ID}); a name hint for a validatable entity
 * counts only with value support (a {@code phone_model} of device names is nothing); a name hint
 * for a name-driven entity (name, address, health, financial, credential, birth date) counts when
 * the hint is strong or the values have the right shape. Shapes alone classify names, addresses,
 * password hashes and health terms when most values fit; dates and amounts need a name.
 *
 * <p>Level: GB/T 43697 gives personal information the level {@code general} unless a sector
 * catalogue says otherwise; a column of sensitive personal information with ten million rows or
 * more is raised to {@code important} (网络数据安全管理条例 Art. 28 treats processors of PI of ten million
 * people like important-data processors). {@code core} is never inferred.
 *
 * <p>Immutable and thread-safe.
 */
public final class ColumnClassifier {
  /** Rows from which sensitive PI is graded {@code important}. */
  public static final long IMPORTANT_ROWS = 10_000_000L;

  private static final double VALUE_WINS = 0.5;
  private static final double HINT_SUPPORT = 0.2;
  private static final int EXAMPLES = 3;
  private static final Set<String> NAME_DRIVEN =
      Set.of(
          Entities.CN_NAME,
          Entities.CN_ADDRESS,
          Entities.BIRTH_DATE,
          Entities.HEALTH,
          Entities.FINANCIAL,
          Entities.CREDENTIAL);

  private final DetectionEngine engine;
  private final NameHints hints;

  private ColumnClassifier(DetectionEngine engine, NameHints hints) {
    this.engine = engine;
    this.hints = hints;
  }

  /** The standard engine and the built-in name hints. */
  public static ColumnClassifier standard() {
    return new ColumnClassifier(DetectionEngine.standard(), NameHints.standard());
  }

  /** A classifier over a given engine (custom detectors, another minimum confidence). */
  public static ColumnClassifier of(DetectionEngine engine) {
    return new ColumnClassifier(engine, NameHints.standard());
  }

  /** Evidence for one entity: values supporting it and a few raw examples. */
  private static final class Tally {
    int values;
    final List<String> examples = new ArrayList<>();

    void add(String example) {
      values++;
      if (examples.size() < EXAMPLES && !examples.contains(example)) {
        examples.add(example);
      }
    }
  }

  /**
   * Classifies one column.
   *
   * @param column the sampled column; {@code *} marks free text
   * @param rows rows of the table (-1 unknown), for the level
   */
  public Classification classify(ColumnSample column, long rows) {
    List<String> values = column.values();
    if (values.isEmpty()) {
      return hintOnly(column, rows);
    }
    boolean freeText = column.name().equals("*");
    Optional<NameHints.Hint> hint =
        freeText ? Optional.empty() : hints.lookup(column.name(), column.comment());
    Map<String, Tally> detected = new LinkedHashMap<>();
    Map<String, Tally> shaped = new HashMap<>();
    for (String v : values) {
      List<Match> ms = freeText ? engine.find(v) : engine.findInField(column.name(), v);
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (Match m : ms) {
        if (!freeText && v.length() <= 64 && (m.end() - m.start()) * 2 < v.trim().length()) {
          continue; // a short structured value must be mostly the match, not contain it
        }
        if (seen.add(m.entity())) {
          detected.computeIfAbsent(m.entity(), k -> new Tally()).add(m.value());
        }
      }
      if (!freeText) {
        shape(v, shaped);
      }
    }
    int n = values.size();
    String best = null;
    double bestRate = 0;
    for (Map.Entry<String, Tally> e : detected.entrySet()) {
      double r = e.getValue().values / (double) n;
      if (r > bestRate) {
        best = e.getKey();
        bestRate = r;
      }
    }
    if (hint.isPresent()) {
      String h = hint.get().entity();
      Tally t = detected.get(h);
      double r = t == null ? 0 : t.values / (double) n;
      if (r >= HINT_SUPPORT) {
        return result(h, r >= VALUE_WINS ? Confidence.HIGH : Confidence.MEDIUM, r, t, rows);
      }
      if (best != null && bestRate >= VALUE_WINS) {
        return result(best, confidence(bestRate), bestRate, detected.get(best), rows);
      }
      if (NAME_DRIVEN.contains(h)) {
        Tally s = shaped.get(h);
        double sr = s == null ? 0 : s.values / (double) n;
        if (sr >= VALUE_WINS) {
          return result(h, Confidence.HIGH, sr, s, rows);
        }
        if (hint.get().strong() && nameOnlyAllowed(h)) {
          Tally ex = s != null ? s : firstValues(values);
          return result(h, Confidence.MEDIUM, sr, ex, rows);
        }
      }
      return Classification.none();
    }
    double threshold = freeText ? 1.0 / n : VALUE_WINS;
    if (best != null && bestRate >= threshold - 1e-9) {
      Confidence c =
          freeText
              ? (bestRate >= VALUE_WINS ? Confidence.HIGH : Confidence.MEDIUM)
              : confidence(bestRate);
      return result(best, c, bestRate, detected.get(best), rows);
    }
    for (String e :
        List.of(Entities.CREDENTIAL, Entities.CN_NAME, Entities.CN_ADDRESS, Entities.HEALTH)) {
      Tally s = shaped.get(e);
      double sr = s == null ? 0 : s.values / (double) n;
      if (sr >= (e.equals(Entities.CN_NAME) ? 0.6 : VALUE_WINS)) {
        return result(e, sr >= 0.8 ? Confidence.MEDIUM : Confidence.LOW, sr, s, rows);
      }
    }
    return Classification.none();
  }

  /** Birth dates need date-shaped values; the other name-driven entities may rest on the name. */
  private static boolean nameOnlyAllowed(String entity) {
    return !entity.equals(Entities.BIRTH_DATE)
        && !entity.equals(Entities.CN_NAME)
        && !entity.equals(Entities.CN_ADDRESS);
  }

  private Classification hintOnly(ColumnSample column, long rows) {
    // No values (empty or binary column): only strong hints of name-driven entities count.
    Optional<NameHints.Hint> hint = hints.lookup(column.name(), column.comment());
    if (hint.isPresent()
        && hint.get().strong()
        && NAME_DRIVEN.contains(hint.get().entity())
        && nameOnlyAllowed(hint.get().entity())) {
      return result(hint.get().entity(), Confidence.LOW, 0, new Tally(), rows);
    }
    return Classification.none();
  }

  private static Tally firstValues(List<String> values) {
    Tally t = new Tally();
    for (String v : values) {
      if (t.examples.size() >= EXAMPLES) {
        break;
      }
      t.examples.add(v);
    }
    return t;
  }

  private static void shape(String v, Map<String, Tally> shaped) {
    if (Shapes.name(v)) {
      shaped.computeIfAbsent(Entities.CN_NAME, k -> new Tally()).add(v.trim());
    }
    if (Shapes.address(v)) {
      shaped.computeIfAbsent(Entities.CN_ADDRESS, k -> new Tally()).add(v.trim());
    }
    if (Shapes.date(v)) {
      shaped.computeIfAbsent(Entities.BIRTH_DATE, k -> new Tally()).add(v.trim());
    }
    if (Shapes.amount(v)) {
      shaped.computeIfAbsent(Entities.FINANCIAL, k -> new Tally()).add(v.trim());
    }
    if (Shapes.passwordHash(v)) {
      shaped.computeIfAbsent(Entities.CREDENTIAL, k -> new Tally()).add(v.trim());
    }
    if (Shapes.health(v)) {
      shaped.computeIfAbsent(Entities.HEALTH, k -> new Tally()).add(v.trim());
    }
  }

  private static Confidence confidence(double rate) {
    return rate >= 0.8 ? Confidence.HIGH : Confidence.MEDIUM;
  }

  private static Classification result(
      String entity, Confidence c, double rate, @Nullable Tally t, long rows) {
    DataClass dc = DataClasses.of(entity);
    Level level = dc.level();
    if (dc.category() == Category.SENSITIVE_PI
        && rows >= IMPORTANT_ROWS
        && level == Level.GENERAL) {
      level = Level.IMPORTANT;
    }
    List<String> examples = new ArrayList<>();
    if (t != null) {
      // Health and financial values are short words and amounts: any kept part is the value.
      var masker =
          entity.equals(Entities.HEALTH) || entity.equals(Entities.FINANCIAL)
              ? Maskers.redact()
              : Maskers.defaultFor(entity);
      for (String raw : t.examples) {
        examples.add(masker.mask(raw));
      }
    }
    return new Classification(
        entity, c, Math.min(1.0, Math.max(0.0, rate)), dc.category(), level, examples);
  }
}
