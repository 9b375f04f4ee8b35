package dev.moat.bench;

import dev.moat.core.detect.DetectionEngine;
import dev.moat.core.detect.LabeledCorpus;
import dev.moat.core.detect.Match;
import dev.moat.core.detect.Paths;
import dev.moat.core.detect.Scores;
import java.util.List;
import java.util.Map;

/**
 * Prints per-entity precision and recall of the default engine on the seeded labeled corpus as a
 * Markdown table, and whether the byte-level path ({@link DetectionEngine#scanUtf8} over the
 * corpus's UTF-8 bytes, what {@code moat detect} runs) finds exactly the same matches. Usage:
 * {@code PrecisionRecall [CHARS] [SEED]}.
 */
public final class PrecisionRecall {
  private PrecisionRecall() {}

  public static void main(String[] args) {
    int chars = args.length > 0 ? Integer.parseInt(args[0]) : 20_000_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261128L;
    LabeledCorpus.Doc doc = LabeledCorpus.generate(seed, chars);
    List<Match> found = DetectionEngine.standard().find(doc.text());
    Map<String, Scores.Score> scores = Scores.score(found, doc.labels());
    System.out.printf(
        "corpus: seed %d, %,d chars, %,d labels%n%n",
        seed, doc.text().length(), doc.labels().size());
    System.out.println("| entity | planted | TP | FP | FN | precision | recall |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    scores.forEach(
        (e, s) ->
            System.out.printf(
                "| %s | %d | %d | %d | %d | %.4f | %.4f |%n",
                e,
                s.truePositives() + s.falseNegatives(),
                s.truePositives(),
                s.falsePositives(),
                s.falseNegatives(),
                s.precision(),
                s.recall()));
    List<Match> bytes = Paths.BYTES.find(DetectionEngine.standard(), doc.text());
    System.out.printf(
        "%nbyte path (scanUtf8): %d matches, %s%n",
        bytes.size(), bytes.equals(found) ? "identical to find()" : "DIFFERENT from find()");
  }
}
