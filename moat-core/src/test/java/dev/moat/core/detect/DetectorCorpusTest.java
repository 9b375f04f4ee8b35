package dev.moat.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Every detector against its positives and its confounders (src/test/resources/corpus), through
 * each way into the engine ({@link Paths}): a string, a char stream and UTF-8 bytes.
 */
final class DetectorCorpusTest {
  private static final DetectionEngine LOW =
      DetectionEngine.builder().minConfidence(Confidence.LOW).build();

  @ParameterizedTest(name = "{1}: {0}")
  @CsvFileSource(resources = "/corpus/positives.csv", delimiter = '|')
  void find_positive_reportsEntityValueAndConfidence(
      String text, String entity, String value, String confidence) {
    for (Paths path : Paths.values()) {
      List<Match> matches = path.find(LOW, text);

      assertThat(matches)
          .as(path.name())
          .filteredOn(m -> m.entity().equals(entity))
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.value()).isEqualTo(value);
                assertThat(text.substring(m.start(), m.end())).isEqualTo(value);
                assertThat(m.confidence().atLeast(Confidence.parse(confidence)))
                    .as("%s: confidence %s >= %s", path, m.confidence(), confidence)
                    .isTrue();
              });
    }
  }

  @ParameterizedTest(name = "{1}: {0} ({2})")
  @CsvFileSource(resources = "/corpus/confounders.csv", delimiter = '|')
  void find_confounder_doesNotReportEntity(String text, String entity, String why) {
    for (Paths path : Paths.values()) {
      assertThat(path.find(DetectionEngine.standard(), text))
          .as(path + ": " + why)
          .noneMatch(m -> m.entity().equals(entity));
    }
  }
}
