package dev.moat.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.testing.PersonalData;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Shared assertion: every generated column classified as {@link PersonalData#EXPECTED}. */
final class Expect {
  private Expect() {}

  static void everyColumn(SampleResult r, String table, Function<String, String> columnName) {
    List<InventoryColumn> cols =
        new Discovery(ColumnClassifier.standard(), SampleLimits.defaults(), Clock.systemUTC())
            .classify(r, Instant.now());
    Map<String, String> got = new LinkedHashMap<>();
    for (InventoryColumn c : cols) {
      if (c.table().equals(table)) {
        got.put(c.column(), String.valueOf(c.entity()));
      }
    }
    Map<String, String> want = new LinkedHashMap<>();
    PersonalData.EXPECTED.forEach((k, v) -> want.put(columnName.apply(k), String.valueOf(v)));
    got.keySet().retainAll(want.keySet());
    assertThat(got).isEqualTo(want);
  }
}
