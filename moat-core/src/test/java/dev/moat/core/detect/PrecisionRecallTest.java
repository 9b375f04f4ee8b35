package dev.moat.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall at the default confidence on a seeded labeled corpus (about 2 M chars). The
 * checksum-bearing entities must stay at or above 99 %, so a regression fails the build.
 */
final class PrecisionRecallTest {
  private static final List<String> CHECKSUMMED =
      List.of(Entities.CN_RESIDENT_ID, Entities.CN_USCC, Entities.BANK_CARD, Entities.CN_MOBILE);

  @Test
  void standardEngine_labeledCorpus_checksumEntitiesAtLeast99Percent() {
    LabeledCorpus.Doc doc = LabeledCorpus.generate(20261128L, 2_000_000);

    Map<String, Scores.Score> scores =
        Scores.score(DetectionEngine.standard().find(doc.text()), doc.labels());

    for (String e : CHECKSUMMED) {
      Scores.Score s = scores.get(e);
      assertThat(s.truePositives()).as(e + " planted").isGreaterThan(200);
      assertThat(s.precision()).as(e + " precision " + s).isGreaterThanOrEqualTo(0.99);
      assertThat(s.recall()).as(e + " recall " + s).isGreaterThanOrEqualTo(0.99);
    }
  }

  @Test
  void generate_sameSeed_sameCorpus() {
    assertThat(LabeledCorpus.generate(7, 20_000)).isEqualTo(LabeledCorpus.generate(7, 20_000));
  }
}
