package dev.moat.core.detect;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Per-entity precision and recall of matches against labels (exact entity and span). */
public final class Scores {
  /** Counts for one entity. */
  public record Score(int truePositives, int falsePositives, int falseNegatives) {
    public double precision() {
      int d = truePositives + falsePositives;
      return d == 0 ? 1.0 : (double) truePositives / d;
    }

    public double recall() {
      int d = truePositives + falseNegatives;
      return d == 0 ? 1.0 : (double) truePositives / d;
    }
  }

  private Scores() {}

  /** Scores of {@code matches} against {@code labels}, by entity, sorted by entity id. */
  public static Map<String, Score> score(List<Match> matches, List<LabeledCorpus.Label> labels) {
    Set<LabeledCorpus.Label> truth = new HashSet<>(labels);
    Set<LabeledCorpus.Label> found = new HashSet<>();
    Map<String, int[]> counts = new TreeMap<>();
    for (Match m : matches) {
      LabeledCorpus.Label l = new LabeledCorpus.Label(m.entity(), m.start(), m.end());
      int[] c = counts.computeIfAbsent(m.entity(), k -> new int[3]);
      if (truth.contains(l)) {
        c[0]++;
        found.add(l);
      } else {
        c[1]++;
      }
    }
    for (LabeledCorpus.Label l : labels) {
      if (!found.contains(l)) {
        counts.computeIfAbsent(l.entity(), k -> new int[3])[2]++;
      }
    }
    for (LabeledCorpus.Label l : labels) {
      counts.computeIfAbsent(l.entity(), k -> new int[3]);
    }
    Map<String, Score> out = new TreeMap<>();
    counts.forEach((k, c) -> out.put(k, new Score(c[0] + 0, c[1], c[2])));
    return out;
  }
}
