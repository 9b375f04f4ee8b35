package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@code moat detect} streams: the built jar runs in a child JVM capped at 128 MB of
 * heap over a 2 GB file and over a single 500 MB line, and must report every planted match with the
 * right line and offsets. Any buffering of the whole input or of a whole line would die with an
 * OutOfMemoryError (exit code 3 or a crash) long before the end.
 */
final class DetectLargeInputIT {
  private static final long GB = 1L << 30;
  private static final long MB = 1L << 20;

  @TempDir Path dir;

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void detect_2gbFileUnder128mHeap_findsEveryMatch() throws Exception {
    String filler =
        "2026-11-28 10:00:01 INFO request handled in 12 ms path=/api/v1/orders status=200\n";
    String chunk =
        filler.repeat(40) + "2026-11-28 10:00:02 INFO 注册 手机 13812345678 身份证号 110105199003071239\n";
    long reps = (2 * GB) / chunk.getBytes(StandardCharsets.UTF_8).length + 1;
    Path file = repeat(dir.resolve("big.log"), chunk, reps);
    assertThat(Files.size(file)).isGreaterThanOrEqualTo(2 * GB);

    Outcome o = detect(file);

    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.matches()).isEqualTo(2 * reps);
    JsonNode last = new ObjectMapper().readTree(o.lastLine());
    assertThat(last.get("line").asLong()).isEqualTo(41 * reps);
    assertThat(last.get("entity").asText()).isEqualTo("CN_RESIDENT_ID");
    Files.delete(file);
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void detect_500mbSingleLineUnder128mHeap_findsEveryMatch() throws Exception {
    String chunk = "lorem ipsum dolor sit amet ".repeat(150) + "手机 13812345678 ";
    int chunkCodePoints = chunk.codePointCount(0, chunk.length());
    long reps = (500 * MB) / chunk.getBytes(StandardCharsets.UTF_8).length + 1;
    Path file = repeat(dir.resolve("line.txt"), chunk, reps);

    Outcome o = detect(file);

    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.matches()).isEqualTo(reps);
    JsonNode last = new ObjectMapper().readTree(o.lastLine());
    assertThat(last.get("line").asLong()).isEqualTo(1);
    long expectedStart = (reps - 1) * chunkCodePoints + chunk.indexOf("138");
    assertThat(last.get("start").asLong()).isEqualTo(expectedStart);
    assertThat(last.get("end").asLong()).isEqualTo(expectedStart + 11);
    Files.delete(file);
  }

  private record Outcome(int code, long matches, String lastLine, String err) {}

  /** Runs the jar with -Xmx128m, counting jsonl lines as they stream out. */
  private Outcome detect(Path file) throws IOException, InterruptedException {
    String jar = System.getProperty("moat.jar");
    assertThat(jar).as("system property moat.jar (set by Failsafe)").isNotNull();
    assertThat(Path.of(jar)).exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx128m",
                "-XX:+ExitOnOutOfMemoryError",
                "-jar",
                jar,
                "--lang=en",
                "detect",
                "--format",
                "jsonl",
                "--threads",
                "1",
                "--progress",
                "never",
                file.toString()));
    Path errFile = dir.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(errFile.toFile()).start();
    long count = 0;
    String last = "";
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        count++;
        last = line;
      }
    }
    int code = p.waitFor();
    return new Outcome(code, count, last, Files.readString(errFile));
  }

  /** Writes {@code chunk} {@code reps} times with one reused buffer: fast and in little memory. */
  private static Path repeat(Path file, String chunk, long reps) throws IOException {
    byte[] one = chunk.getBytes(StandardCharsets.UTF_8);
    int per = Math.max(1, (int) (MB / one.length));
    ByteBuffer block = ByteBuffer.allocate(per * one.length);
    for (int i = 0; i < per; i++) {
      block.put(one);
    }
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long left = reps;
      while (left > 0) {
        int n = (int) Math.min(per, left);
        block.clear().limit(n * one.length);
        while (block.hasRemaining()) {
          ch.write(block);
        }
        left -= n;
      }
    }
    return file;
  }
}
