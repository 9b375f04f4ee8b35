package dev.moat.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class StreamScanTest {
  private static final StandardEngine ENGINE = (StandardEngine) DetectionEngine.standard();
  private static final String[] VALUES = {
    "110105199003071239",
    "13812345678",
    "6222021234567890128",
    "zhang.san@163.com",
    "192.168.1.10",
    "00:1A:2B:3C:4D:5E",
    "粤B12345",
    "𠀀emoji😀",
  };

  record Hit(long line, long start, long end, String entity, String value) {}

  @ParameterizedTest
  @ValueSource(ints = {61, 100, 4096, 1 << 20})
  void scan_anyChunkSize_sameMatchesAsFindPerLine(int chunk) throws IOException {
    String text = randomText(new Random(chunk), 60_000);

    List<Hit> streamed = stream(text, chunk);

    assertThat(streamed).isEqualTo(expected(text)).isNotEmpty();
  }

  @Test
  void scan_matchAcrossChunkBoundary_reportedOnce() throws IOException {
    for (int pad = 0; pad < 40; pad++) {
      String text =
          "x".repeat(StreamScan.OVERLAP + StreamScan.KEEP + 100 - 20 + pad) + " 手机13812345678 end";
      assertThat(stream(text, 100))
          .as("pad %d", pad)
          .containsExactly(
              new Hit(
                  1, text.indexOf("138"), text.indexOf("138") + 11, "CN_MOBILE", "13812345678"));
    }
  }

  @Test
  void scan_supplementaryChars_countAsOneCodePoint() throws IOException {
    String text = "a\n😀😀 13812345678\n";

    assertThat(stream(text, StreamScan.CHUNK))
        .containsExactly(new Hit(2, 3, 14, "CN_MOBILE", "13812345678"));
  }

  /** A 64 MiB single line streamed from a generator: bounded memory, exact far offsets. */
  @Test
  void scan_hugeSingleLine_exactOffsets() throws IOException {
    long size = 64L << 20;
    long[] at = {5, 1_000_003, (32L << 20) + 17, size - 40};
    List<Hit> hits = new ArrayList<>();
    ENGINE.scan(
        new PlantingReader(size, at, " 13812345678 "),
        (line, s, e, m) -> hits.add(new Hit(line, s, e, m.entity(), m.value())));
    assertThat(hits).hasSize(at.length);
    for (int i = 0; i < at.length; i++) {
      assertThat(hits.get(i))
          .isEqualTo(new Hit(1, at[i] + 1, at[i] + 12, "CN_MOBILE", "13812345678"));
    }
  }

  private static List<Hit> stream(String text, int chunk) throws IOException {
    List<Hit> out = new ArrayList<>();
    new StreamScan(
            ENGINE,
            new StringReader(text),
            (line, s, e, m) -> out.add(new Hit(line, s, e, m.entity(), m.value())),
            chunk)
        .run();
    return out;
  }

  /** find() over each line, offsets converted to code points. */
  private static List<Hit> expected(String text) {
    List<Hit> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      for (Match m : ENGINE.find(l)) {
        out.add(
            new Hit(
                i + 1,
                l.codePointCount(0, m.start()),
                l.codePointCount(0, m.end()),
                m.entity(),
                m.value()));
      }
    }
    return out;
  }

  private static String randomText(Random r, int approxChars) {
    String[] filler = {
      "订单", " ", "abc ", "，", "2024-01-31 ", "😀", "x=", "\n", "1735689600000 ", "版本1.2.3 "
    };
    StringBuilder b = new StringBuilder();
    while (b.length() < approxChars) {
      if (r.nextInt(5) == 0) {
        b.append(' ').append(VALUES[r.nextInt(VALUES.length)]).append(' ');
      } else {
        b.append(filler[r.nextInt(filler.length)]);
      }
    }
    return b.toString();
  }

  /** Streams {@code size} chars of 'a' with {@code planted} written at the given offsets. */
  private static final class PlantingReader extends Reader {
    private final long size;
    private final long[] at;
    private final String planted;
    private long pos;

    PlantingReader(long size, long[] at, String planted) {
      this.size = size;
      this.at = at;
      this.planted = planted;
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
      if (pos >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - pos);
      Arrays.fill(cbuf, off, off + n, 'a');
      for (long a : at) {
        for (int k = 0; k < planted.length(); k++) {
          long p = a + k;
          if (p >= pos && p < pos + n) {
            cbuf[off + (int) (p - pos)] = planted.charAt(k);
          }
        }
      }
      pos += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
