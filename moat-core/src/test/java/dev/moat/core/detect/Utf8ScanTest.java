package dev.moat.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte-level path ({@link DetectionEngine#scanUtf8}) against the char path ({@link
 * DetectionEngine#scan(Reader, DetectionEngine.StreamSink)} over the JDK's decoding of the same
 * bytes): the same matches, confidences, values, lines and code-point columns, on prose, the seeded
 * labeled corpus, full-width forms, CRLF, four-byte chars, malformed bytes, and matches across
 * buffer boundaries.
 */
final class Utf8ScanTest {
  private static final StandardEngine LOW =
      (StandardEngine) DetectionEngine.builder().minConfidence(Confidence.LOW).build();
  private static final StandardEngine STD = (StandardEngine) DetectionEngine.standard();

  /** What a sink receives, with the match's own offsets too. */
  record Hit(
      long line, long start, long end, String entity, Confidence confidence, String value, int s) {}

  static List<Hit> viaChars(DetectionEngine engine, byte[] bytes) {
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    List<Hit> out = new ArrayList<>();
    try {
      engine.scan(
          new InputStreamReader(new ByteArrayInputStream(bytes), dec),
          (l, s, e, m) -> out.add(hit(l, s, e, m)));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out;
  }

  static List<Hit> viaBytes(DetectionEngine engine, byte[] bytes) {
    List<Hit> out = new ArrayList<>();
    try {
      engine.scanUtf8(new ByteArrayInputStream(bytes), (l, s, e, m) -> out.add(hit(l, s, e, m)));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out;
  }

  private static List<Hit> viaBytes(StandardEngine engine, InputStream in, int chunk, int overlap)
      throws IOException {
    List<Hit> out = new ArrayList<>();
    new Utf8Scan(engine.rules(), in, (l, s, e, m) -> out.add(hit(l, s, e, m)), chunk, overlap)
        .run();
    return out;
  }

  private static Hit hit(long l, long s, long e, Match m) {
    return new Hit(l, s, e, m.entity(), m.confidence(), m.value(), m.start());
  }

  private static void assertSame(byte[] bytes) {
    for (StandardEngine engine : new StandardEngine[] {LOW, STD}) {
      List<Hit> expected = viaChars(engine, bytes);
      assertThat(viaBytes(engine, bytes)).isEqualTo(expected);
    }
  }

  @Test
  void decoder_randomBytes_sameCharsAsJdk() throws IOException {
    Random r = new Random(7);
    for (int round = 0; round < 3000; round++) {
      byte[] b = randomBytes(r, r.nextInt(40));
      CharsetDecoder dec =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE);
      String jdk = readAll(new InputStreamReader(new ByteArrayInputStream(b), dec));
      StringBuilder mine = new StringBuilder();
      int p = 0;
      while (p < b.length) {
        long x = Utf8.next(b, p, b.length, true);
        mine.appendCodePoint((int) x);
        p += (int) (x >>> 32);
      }
      assertThat(mine.toString()).as(Arrays.toString(b)).isEqualTo(jdk);
    }
  }

  @Test
  void decoder_boundary_isWhereTheJdkStartsASequence() {
    Random r = new Random(11);
    for (int round = 0; round < 2000; round++) {
      byte[] b = randomBytes(r, 1 + r.nextInt(30));
      List<Integer> starts = new ArrayList<>();
      int p = 0;
      while (p < b.length) {
        starts.add(p);
        p += (int) (Utf8.next(b, p, b.length, true) >>> 32);
      }
      for (int q = 0; q < b.length; q++) {
        assertThat(starts).as(Arrays.toString(b) + " at " + q).contains(Utf8.boundary(b, q, 0));
      }
    }
  }

  @Test
  void scanUtf8_labeledCorpus_sameAsCharPath() {
    String text = LabeledCorpus.generate(20261128L, 1_000_000).text();

    assertSame(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void scanUtf8_labeledCorpusWithMalformedBytes_sameAsCharPath() {
    byte[] clean = LabeledCorpus.generate(5, 300_000).text().getBytes(StandardCharsets.UTF_8);
    Random r = new Random(5);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = 0; i < clean.length; i++) {
      if (r.nextInt(200) == 0) {
        b.writeBytes(randomBytes(r, 1 + r.nextInt(4)));
      }
      b.write(clean[i]);
    }
    assertSame(b.toByteArray());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void scanUtf8_randomValuesInMixedText_sameAsCharPath(int seed) {
    assertSame(randomText(new Random(seed), 200_000).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void scanUtf8_fullWidthCrlfAndEmoji_sameAsCharPath() {
    String text =
        """
        身份证号：１１０１０５１９９００３０７１２３９\r
        手机　１３８１２３４５６７８，邮箱ｚｈａｎｇ＠１６３．ｃｏｍ\r
        😀😀 13812345678 😀 110105199003071239\r
        ＩＰ 192.168.1.10　MAC 00:1A:2B:3C:4D:5E\r
        车牌 粤Ｂ12345 收件人：张三，地址：北京市海淀区中关村大街27号\r
        card 6222 0212 3456 7890 128 and +86 138 1234 5678
        """;

    assertSame(text.getBytes(StandardCharsets.UTF_8));
    assertThat(viaBytes(STD, text.getBytes(StandardCharsets.UTF_8))).hasSizeGreaterThan(8);
  }

  @Test
  void scanUtf8_truncatedSequenceAtEnd_sameAsCharPath() {
    byte[] t = "手机 13812345678 x".getBytes(StandardCharsets.UTF_8);
    for (byte[] tail : new byte[][] {{(byte) 0xE4}, {(byte) 0xE4, (byte) 0xB8}, {(byte) 0xF0}}) {
      byte[] b = Arrays.copyOf(t, t.length + tail.length);
      System.arraycopy(tail, 0, b, t.length, tail.length);
      assertSame(b);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {64, 100, 1000, 4096})
  void scanUtf8_smallBuffers_sameAsCharPath(int chunk) throws IOException {
    byte[] b = randomText(new Random(chunk), 120_000).getBytes(StandardCharsets.UTF_8);

    List<Hit> bytes = viaBytes(STD, new ByteArrayInputStream(b), chunk, 700);

    assertThat(bytes).isEqualTo(viaChars(STD, b)).isNotEmpty();
  }

  @Test
  void scanUtf8_oneByteReads_sameAsCharPath() throws IOException {
    byte[] b = randomText(new Random(9), 30_000).getBytes(StandardCharsets.UTF_8);
    InputStream trickle =
        new ByteArrayInputStream(b) {
          @Override
          public synchronized int read(byte[] buf, int off, int len) {
            return super.read(buf, off, Math.min(len, 1 + (int) (pos % 7)));
          }
        };

    assertThat(viaBytes(STD, trickle, 1000, 700)).isEqualTo(viaChars(STD, b)).isNotEmpty();
  }

  /** A 64 MiB single line streamed from a generator: bounded memory, exact far offsets. */
  @Test
  void scanUtf8_hugeSingleLine_exactOffsets() throws IOException {
    long size = 64L << 20;
    long[] at = {5, 1_000_003, (32L << 20) + 17, size - 40};
    List<Hit> hits = new ArrayList<>();
    STD.scanUtf8(
        new Planting(size, at, " 13812345678 "), (l, s, e, m) -> hits.add(hit(l, s, e, m)));

    assertThat(hits).hasSize(at.length);
    for (int i = 0; i < at.length; i++) {
      assertThat(hits.get(i))
          .usingRecursiveComparison()
          .ignoringFields("s")
          .isEqualTo(
              new Hit(1, at[i] + 1, at[i] + 12, "CN_MOBILE", Confidence.MEDIUM, "13812345678", 0));
    }
  }

  @Test
  void scanUtf8_customDetector_sameAsCharPath() {
    DetectionEngine custom =
        DetectionEngine.builder()
            .addCustom(
                "EMPLOYEE_NO",
                "EMP-\\d{6}",
                null,
                List.of("工号"),
                dev.moat.core.Category.PI,
                dev.moat.core.Level.GENERAL)
            .build();
    byte[] b =
        ("工号 EMP-123456 手机 13812345678\n" + randomText(new Random(4), 20_000))
            .getBytes(StandardCharsets.UTF_8);

    List<Hit> bytes = viaBytes(custom, b);

    assertThat(bytes).isEqualTo(viaChars(custom, b));
    assertThat(bytes).extracting(Hit::entity).contains("EMPLOYEE_NO", "CN_MOBILE");
  }

  static String randomText(Random r, int approxChars) {
    String[] values = {
      "110105199003071239",
      "13812345678",
      "+8613812345678",
      "008613812345678",
      "138 1234 5678",
      "010-12345678",
      "12345678-9",
      "A123456(7)",
      "E12345678",
      "-----BEGIN RSA PRIVATE KEY-----",
      "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
      "+86 138-1234-5678",
      "6222021234567890128",
      "zhang.san@163.com",
      "192.168.1.10",
      "2001:db8::8a2e:370:7334",
      "00:1A:2B:3C:4D:5E",
      "粤B12345",
      "收件人：李四",
      "地址：上海市浦东新区世纪大道100号",
      "AKIAIOSFODNN7EXAMPLE",
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
      "39.9042, 116.4074",
      "91350100M000100Y43",
      "１３８１２３４５６７８",
      "𠀀emoji😀",
    };
    String[] filler = {
      "订单", " ", "abc ", "，", "2024-01-31 ", "😀", "x=", "\n", "\r\n", "1735689600000 ", "版本1.2.3 ",
      "身份证号", "手机", "电话 ", "card ", "ip ", "　", "-", "@", ".", "Ａ", "ｅｙＪ",
    };
    StringBuilder b = new StringBuilder();
    while (b.length() < approxChars) {
      if (r.nextInt(4) == 0) {
        b.append(r.nextBoolean() ? " " : "").append(values[r.nextInt(values.length)]);
      } else {
        b.append(filler[r.nextInt(filler.length)]);
      }
    }
    return b.toString();
  }

  /** Bytes that are mostly bad or edge-case UTF-8. */
  static byte[] randomBytes(Random r, int n) {
    byte[] pool = {
      'a',
      '1',
      '@',
      '\n',
      (byte) 0x80,
      (byte) 0xBF,
      (byte) 0xC0,
      (byte) 0xC2,
      (byte) 0xDF,
      (byte) 0xE0,
      (byte) 0xE4,
      (byte) 0xED,
      (byte) 0xEF,
      (byte) 0xBC,
      (byte) 0xA0,
      (byte) 0x9F,
      (byte) 0xF0,
      (byte) 0xF4,
      (byte) 0xF5,
      (byte) 0x90,
      (byte) 0x8F,
      (byte) 0xFF,
      (byte) 0xB8,
    };
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = r.nextInt(3) == 0 ? (byte) r.nextInt(256) : pool[r.nextInt(pool.length)];
    }
    return b;
  }

  /**
   * Streams {@code size} bytes of 'a' with {@code planted} (ASCII) written at the given offsets.
   */
  private static final class Planting extends InputStream {
    private final long size;
    private final long[] at;
    private final byte[] planted;
    private long pos;

    Planting(long size, long[] at, String planted) {
      this.size = size;
      this.at = at;
      this.planted = planted.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(byte[] buf, int off, int len) {
      if (pos >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - pos);
      Arrays.fill(buf, off, off + n, (byte) 'a');
      for (long a : at) {
        for (int k = 0; k < planted.length; k++) {
          long p = a + k;
          if (p >= pos && p < pos + n) {
            buf[off + (int) (p - pos)] = planted[k];
          }
        }
      }
      pos += n;
      return n;
    }
  }

  private static String readAll(Reader r) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] c = new char[3];
    for (int n; (n = r.read(c)) > 0; ) {
      sb.append(c, 0, n);
    }
    return sb.toString();
  }
}
