package dev.moat.bench;

import dev.moat.core.detect.DetectionEngine;
import dev.moat.core.detect.LabeledCorpus;
import java.io.IOException;
import java.io.StringReader;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Detection throughput on 8 MiB-ish inputs of several kinds. One op = one pass over the corpus;
 * divide the corpus size (printed at setup) by the time per op for MB/s. {@code find} works on a
 * {@code String}, {@code scan} streams chars that are already decoded, {@code scanDecoding} decodes
 * the UTF-8 bytes and streams the chars (the char path for a file), {@code scanUtf8} streams the
 * UTF-8 bytes themselves (what {@code moat detect} does for UTF-8 and ASCII files).
 *
 * <p>Run: {@code ./mvnw -B -ntp -Pbench -pl moat-bench -am package -DskipTests && java -jar
 * moat-bench/target/benchmarks.jar DetectBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DetectBenchmark {
  /** mixed = the labeled corpus; zh / en = prose; digits = numeric CSV (the worst case). */
  @Param({"mixed", "zh", "en", "digits"})
  public String corpus;

  private String text;
  private byte[] utf8;
  private final DetectionEngine engine = DetectionEngine.standard();

  @Setup
  public void setup() {
    int chars = 4 << 20;
    text =
        switch (corpus) {
          case "mixed" -> LabeledCorpus.generate(1, chars).text();
          case "zh" -> zh(chars);
          case "en" -> en(chars);
          default -> digits(chars);
        };
    utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    System.out.printf(
        "%n%s: %d chars, %.1f MB UTF-8%n", corpus, text.length(), utf8.length / 1048576.0);
  }

  private static String zh(int chars) {
    Random r = new Random(1);
    StringBuilder b = new StringBuilder(chars);
    while (b.length() < chars) {
      b.append((char) (0x4E00 + r.nextInt(0x5000)));
      if (r.nextInt(40) == 0) {
        b.append("，");
      }
      if (r.nextInt(2000) == 0) {
        b.append("手机13812345678。\n");
      }
    }
    return b.toString();
  }

  private static String en(int chars) {
    String[] words = {
      "the",
      "data",
      "security",
      "law",
      "requires",
      "that",
      "processors",
      "of",
      "personal",
      "information",
      "keep",
      "logs",
      "and",
      "report",
      "incidents",
      "within",
      "hours"
    };
    Random r = new Random(1);
    StringBuilder b = new StringBuilder(chars);
    while (b.length() < chars) {
      b.append(words[r.nextInt(words.length)]).append(r.nextInt(12) == 0 ? ". " : " ");
      if (r.nextInt(3000) == 0) {
        b.append("mail zhang.san@163.com\n");
      }
    }
    return b.toString();
  }

  private static String digits(int chars) {
    Random r = new Random(1);
    StringBuilder b = new StringBuilder(chars);
    while (b.length() < chars) {
      b.append(r.nextInt(100000))
          .append(',')
          .append(1735689600000L + r.nextInt(1_000_000))
          .append(',')
          .append(r.nextInt(1000))
          .append('.')
          .append(r.nextInt(100))
          .append(',')
          .append(Math.abs(r.nextLong()) % 1_000_000_000_000_000_000L)
          .append('\n');
    }
    return b.toString();
  }

  @Benchmark
  public int find() {
    return engine.find(text).size();
  }

  @Benchmark
  public int scan() throws IOException {
    int[] n = {0};
    engine.scan(new StringReader(text), (line, s, e, m) -> n[0]++);
    return n[0];
  }

  @Benchmark
  public int scanDecoding() throws IOException {
    int[] n = {0};
    engine.scan(
        new java.io.InputStreamReader(
            new java.io.ByteArrayInputStream(utf8), java.nio.charset.StandardCharsets.UTF_8),
        (line, s, e, m) -> n[0]++);
    return n[0];
  }

  @Benchmark
  public int scanUtf8() throws IOException {
    int[] n = {0};
    engine.scanUtf8(new java.io.ByteArrayInputStream(utf8), (line, s, e, m) -> n[0]++);
    return n[0];
  }
}
