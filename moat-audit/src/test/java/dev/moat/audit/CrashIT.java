package dev.moat.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM with SIGKILL (Process.destroyForcibly on Linux) in the middle of appends, 20
 * times, reopening the same log each time: every acknowledged event must be there, every signed
 * checkpoint must still match, and the log must verify.
 */
final class CrashIT {
  @TempDir Path dir;

  @Test
  void killDash9_manyRounds_keepsEveryAcknowledgedEvent() throws Exception {
    Random random = new Random(42);
    Set<Long> acked = new HashSet<>();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int round = 0; round < 20; round++) {
      Process p =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  CrashChild.class.getName(),
                  dir.toString())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      int want = 100 + random.nextInt(1200);
      int seen = 0;
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while (seen < want && (line = r.readLine()) != null) {
          acked.add(Long.parseLong(line.strip()));
          seen++;
        }
        // Kill while the child is still appending; lines not yet read are simply not counted.
        p.destroyForcibly();
      }
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(seen).as("round %d: child acknowledged appends", round).isEqualTo(want);
      try (AuditLog log = AuditLog.open(dir, AuditOptions.defaults())) {
        long max = acked.stream().mapToLong(Long::longValue).max().orElse(-1);
        assertThat(log.size()).as("round %d", round).isGreaterThan(max);
      }
    }
    VerifyReport report =
        new Verifier(new LogFiles(dir), new LogFiles(dir).readKeys(), List.of()).run();
    assertThat(report.problem()).isEmpty();
    LogReader reader = LogReader.open(dir);
    Set<Long> present = new HashSet<>();
    reader.scan(0, e -> present.add(e.index()));
    assertThat(present).containsAll(acked);
  }
}
