package dev.moat.bench;

import dev.moat.core.detect.DetectionEngine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Steady-state throughput of the two ways a UTF-8 file can go through the engine, in one JVM and
 * alternating so that both see the same machine load: the byte path ({@link
 * DetectionEngine#scanUtf8}) and the char path ({@code InputStreamReader} + {@link
 * DetectionEngine#scan}). The file is read into memory first; times are the scanning thread's CPU,
 * the minimum and median over the second half of the passes. Usage: {@code DetectPaths FILE
 * [PASSES]}.
 */
public final class DetectPaths {
  private DetectPaths() {}

  public static void main(String[] args) throws IOException {
    byte[] data = Files.readAllBytes(Path.of(args[0]));
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    DetectionEngine engine = DetectionEngine.standard();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[][] cpu = new double[2][passes];
    long[] matches = new long[2];
    for (int p = 0; p < passes; p++) {
      for (int k = 0; k < 2; k++) {
        int kk = k;
        long c0 = mx.getCurrentThreadCpuTime();
        if (k == 0) {
          engine.scanUtf8(new ByteArrayInputStream(data), (l, s, e, m) -> matches[kk]++);
        } else {
          engine.scan(
              new InputStreamReader(new ByteArrayInputStream(data), StandardCharsets.UTF_8),
              (l, s, e, m) -> matches[kk]++);
        }
        cpu[k][p] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
      }
    }
    double mb = data.length / 1048576.0;
    for (int k = 0; k < 2; k++) {
      double[] late = Arrays.copyOfRange(cpu[k], passes / 2, passes);
      Arrays.sort(late);
      System.out.printf(
          "%-30s %d matches/pass  first %.3f s  min %.3f s (%.1f MB/s)  median %.3f s%n",
          k == 0 ? "bytes (scanUtf8)" : "chars (InputStreamReader+scan)",
          matches[k] / passes,
          cpu[k][0],
          late[0],
          mb / late[0],
          late[late.length / 2]);
    }
  }
}
