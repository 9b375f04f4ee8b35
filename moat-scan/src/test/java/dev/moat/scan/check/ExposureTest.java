package dev.moat.scan.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.detect.DetectionEngine;
import dev.moat.core.mask.Maskers;
import dev.moat.scan.ScanTesting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link CheckContext#detect} makes of samples: counts of every value, distinct examples. */
final class ExposureTest {
  private static final String ID = "11010519491231002X";

  private static CheckContext context() {
    return CheckContext.builder("127.0.0.1", ScanTesting.loopback(), 6379)
        .detection(DetectionEngine.standard(), Maskers::defaultFor)
        .build();
  }

  @Test
  void aValueSampledTwice_countsTwice_butIsOneExample() {
    SampleField same = new SampleField("db0 key user:1", "sfzh", ID);
    Exposure e = context().detect(List.of(same, same));

    assertThat(e.counts()).isEqualTo(Map.of("CN_RESIDENT_ID", 2));
    assertThat(e.examples())
        .containsExactly("CN_RESIDENT_ID @ db0 key user:1 sfzh: 110105********002X");
    assertThat(e.sampled()).isEqualTo(2);
  }

  @Test
  void theExampleLimit_countsDistinctExamples() {
    SampleField a = new SampleField("db0 key user:1", "sfzh", ID);
    SampleField b = new SampleField("db0 key user:2", "sfzh", ID);
    SampleField c = new SampleField("db0 key user:3", "sfzh", ID);
    SampleField d = new SampleField("db0 key user:4", "sfzh", ID);

    Exposure e = context().detect(List.of(a, a, a, b, c, d));

    assertThat(e.counts()).containsEntry("CN_RESIDENT_ID", 6);
    assertThat(e.examples())
        .hasSize(CheckContext.EXAMPLES_PER_ENTITY)
        .doesNotHaveDuplicates()
        .first()
        .asString()
        .contains("user:1");
  }

  @Test
  void plus_keepsOneCopyOfAnExampleBothSidesSaw() {
    SampleField same = new SampleField("crm.public.kehu", "sfzh", ID);
    Exposure one = context().detect(List.of(same));

    Exposure both = one.plus(one);

    assertThat(both.counts()).containsEntry("CN_RESIDENT_ID", 2);
    assertThat(both.examples()).hasSize(1);
    assertThat(both.sampled()).isEqualTo(2);
  }
}
