package dev.moat.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Every detector against its positives and its confounders (src/test/resources/corpus). */
final class DetectorCorpusTest {
  private static final DetectionEngine LOW =
      DetectionEngine.builder().minConfidence(Confidence.LOW).build();

  @ParameterizedTest(name = "{1}: {0}")
  @CsvFileSource(resources = "/corpus/positives.csv", delimiter = '|')
  void find_positive_reportsEntityValueAndConfidence(
      String text, String entity, String value, String confidence) {
    List<Match> matches = LOW.find(text);

    assertThat(matches)
        .filteredOn(m -> m.entity().equals(entity))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.value()).isEqualTo(value);
              assertThat(text.substring(m.start(), m.end())).isEqualTo(value);
              assertThat(m.confidence().atLeast(Confidence.parse(confidence)))
                  .as("confidence %s >= %s", m.confidence(), confidence)
                  .isTrue();
            });
  }

  @ParameterizedTest(name = "{1}: {0} ({2})")
  @CsvFileSource(resources = "/corpus/confounders.csv", delimiter = '|')
  void find_confounder_doesNotReportEntity(String text, String entity, String why) {
    assertThat(DetectionEngine.standard().find(text))
        .as(why)
        .noneMatch(m -> m.entity().equals(entity));
  }
}
