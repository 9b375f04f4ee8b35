package dev.moat.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Precision and recall at the default confidence on a seeded labeled corpus (about 2 M chars). The
 * checksum-bearing entities must stay at or above 99 %, so a regression fails the build.
 */
final class PrecisionRecallTest {
  private static final List<String> CHECKSUMMED =
      List.of(Entities.CN_RESIDENT_ID, Entities.CN_USCC, Entities.BANK_CARD, Entities.CN_MOBILE);

  @ParameterizedTest
  @EnumSource(Paths.class)
  void standardEngine_labeledCorpus_checksumEntitiesAtLeast99Percent(Paths path) {
    LabeledCorpus.Doc doc = LabeledCorpus.generate(20261128L, 2_000_000);

    Map<String, Scores.Score> scores =
        Scores.score(path.find(DetectionEngine.standard(), doc.text()), doc.labels());

    for (String e : CHECKSUMMED) {
      Scores.Score s = scores.get(e);
      assertThat(s.truePositives()).as(e + " planted").isGreaterThan(200);
      assertThat(s.precision()).as(e + " precision " + s).isGreaterThanOrEqualTo(0.99);
      assertThat(s.recall()).as(e + " recall " + s).isGreaterThanOrEqualTo(0.99);
    }
  }

  @Test
  void labeledCorpus_allPaths_sameScoresForEveryEntity() {
    LabeledCorpus.Doc doc = LabeledCorpus.generate(7L, 1_000_000);
    DetectionEngine engine = DetectionEngine.standard();

    Map<String, Scores.Score> chars =
        Scores.score(Paths.CHARS.find(engine, doc.text()), doc.labels());

    assertThat(Scores.score(Paths.BYTES.find(engine, doc.text()), doc.labels())).isEqualTo(chars);
    assertThat(chars.values()).allSatisfy(s -> assertThat(s.truePositives()).isPositive());
  }

  @Test
  void generate_sameSeed_sameCorpus() {
    assertThat(LabeledCorpus.generate(7, 20_000)).isEqualTo(LabeledCorpus.generate(7, 20_000));
  }
}
