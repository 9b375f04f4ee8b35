package dev.moat.bench;

import dev.moat.core.detect.DetectionEngine;
import dev.moat.core.mask.Maskers;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams UTF-8 files through {@link DetectionEngine#scanUtf8} on one thread and writes the {@code
 * moat detect --format jsonl} contract lines to stdout; the elapsed time and MB/s go to stderr. A
 * stand-in for {@code moat detect} in the ripgrep side-by-side until that command lands. Usage:
 * {@code DetectFile FILE...}.
 */
public final class DetectFile {
  private DetectFile() {}

  public static void main(String[] args) throws IOException {
    DetectionEngine engine = DetectionEngine.standard();
    Writer out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    long bytes = 0;
    long[] matches = {0};
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    for (String a : args) {
      Path p = Path.of(a);
      bytes += Files.size(p);
      String path = json(a);
      try (InputStream in = Files.newInputStream(p)) {
        engine.scanUtf8(
            in,
            (line, s, e, m) -> {
              matches[0]++;
              out.write("{\"path\":\"");
              out.write(path);
              out.write("\",\"line\":" + line + ",\"start\":" + s + ",\"end\":" + e);
              out.write(",\"entity\":\"" + m.entity() + "\",\"confidence\":\"");
              out.write(m.confidence().id());
              out.write("\",\"masked\":\"");
              out.write(json(Maskers.defaultFor(m.entity()).mask(m.value())));
              out.write("\"}\n");
            });
      }
    }
    out.flush();
    double s = (System.nanoTime() - t0) / 1e9;
    double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
    double mb = bytes / 1048576.0;
    System.err.printf(
        "%d matches, %.1f MB in %.2f s = %.1f MB/s (scanning thread CPU %.2f s = %.1f MB/s)%n",
        matches[0], mb, s, mb / s, cpu, mb / cpu);
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
