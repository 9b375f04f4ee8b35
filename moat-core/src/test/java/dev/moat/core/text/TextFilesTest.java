package dev.moat.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TextFilesTest {
  private static final Charset GBK = Charset.forName("GBK");
  private static final Charset GB18030 = Charset.forName("GB18030");

  /** A Chinese log line as it appears in real systems. */
  private static final String LINE =
      "2026-11-28 10:00:01 INFO 用户张三登录成功，身份证号 110105199003071234，手机 13812345678\n";

  @TempDir Path dir;

  @Test
  void open_utf8WithoutBom_readsUtf8() throws IOException {
    Path f = write("a.log", LINE.repeat(10).getBytes(StandardCharsets.UTF_8));
    assertText(f, StandardCharsets.UTF_8, LINE.repeat(10));
  }

  @Test
  void open_utf8WithBom_skipsBom() throws IOException {
    byte[] body = LINE.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body);
    assertText(write("bom.csv", bytes), StandardCharsets.UTF_8, LINE);
  }

  @Test
  void open_gbkCsvFromExcel_readsAsGb18030() throws IOException {
    String csv = "姓名,身份证号,手机号\n" + "张三,110105199003071234,13812345678\n".repeat(50);
    Path f = write("excel.csv", csv.getBytes(GBK));
    assertText(f, GB18030, csv);
  }

  @Test
  void open_gb18030FourByteCharacters_decodesThem() throws IOException {
    // U+3400 and U+20000 are not in GBK; GB18030 encodes them in four bytes.
    String text = "罕见字㐀与𠀀：" + LINE.repeat(5);
    byte[] bytes = text.getBytes(GB18030);
    assertThat(bytes.length).isGreaterThan(text.getBytes(GBK).length);
    assertText(write("rare.log", bytes), GB18030, text);
  }

  @Test
  void open_utf16LeWithBom_readsUtf16() throws IOException {
    byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, LINE.getBytes(UTF16LE));
    assertText(write("le.txt", bytes), StandardCharsets.UTF_16LE, LINE);
  }

  @Test
  void open_utf16BeWithBom_readsUtf16() throws IOException {
    byte[] bytes = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, LINE.getBytes(UTF16BE));
    assertText(write("be.txt", bytes), StandardCharsets.UTF_16BE, LINE);
  }

  @Test
  void open_utf16LeWithoutBomMostlyAscii_readsUtf16() throws IOException {
    String text = "user=alice phone=13812345678 id=110105199003071234\n".repeat(20);
    assertText(write("nobom.txt", text.getBytes(UTF16LE)), StandardCharsets.UTF_16LE, text);
  }

  @Test
  void open_gzipOfGbk_decompressesAndDetects() throws IOException {
    String text = LINE.repeat(100);
    Path f = write("app.log.gz", gzip(text.getBytes(GBK)));
    try (Decoded d = TextFiles.open(f)) {
      assertThat(d).isInstanceOf(Decoded.Text.class);
      Decoded.Text t = (Decoded.Text) d;
      assertThat(t.gzip()).isTrue();
      assertThat(t.charset()).isEqualTo(GB18030);
      assertThat(readAll(t.reader())).isEqualTo(text);
    }
  }

  @Test
  void open_gzipMagicButCorrupt_throws() throws IOException {
    Path f = write("bad.gz", new byte[] {0x1f, (byte) 0x8b, 0x01, 0x02, 0x03});
    assertThatThrownBy(() -> TextFiles.open(f)).isInstanceOf(IOException.class);
  }

  @Test
  void open_bytesWithNul_isBinary() throws IOException {
    byte[] bytes = concat("ELF header\0\0\0".getBytes(StandardCharsets.US_ASCII), new byte[100]);
    try (Decoded d = TextFiles.open(write("a.out", bytes))) {
      assertThat(d).isEqualTo(new Decoded.Binary(Decoded.Reason.NUL_BYTES, false));
    }
  }

  @Test
  void open_smallIntegersWithRegularNuls_isBinaryNotUtf16() throws IOException {
    try (Decoded d = TextFiles.open(write("ints.bin", new byte[] {1, 0, 2, 0, 3, 0, 4, 0}))) {
      assertThat(d).isEqualTo(new Decoded.Binary(Decoded.Reason.NUL_BYTES, false));
    }
  }

  @Test
  void open_randomHighBytesWithoutNul_isBinary() throws IOException {
    byte[] bytes = new byte[50_000];
    new Random(42).nextBytes(bytes);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        bytes[i] = 1;
      }
    }
    try (Decoded d = TextFiles.open(write("noise.bin", bytes))) {
      assertThat(d).isInstanceOf(Decoded.Binary.class);
      assertThat(((Decoded.Binary) d).reason()).isEqualTo(Decoded.Reason.NOT_TEXT);
    }
  }

  @Test
  void open_gzipOfBinary_isBinaryAndGzip() throws IOException {
    byte[] png = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}, new byte[64]);
    try (Decoded d = TextFiles.open(write("img.gz", gzip(png)))) {
      assertThat(d).isEqualTo(new Decoded.Binary(Decoded.Reason.NUL_BYTES, true));
    }
  }

  @Test
  void open_utf8CharacterCutBySampleBoundary_staysUtf8() throws IOException {
    // Put a 3-byte character across the 64 KB sample boundary.
    StringBuilder sb = new StringBuilder();
    while (sb.length() < TextFiles.SAMPLE_BYTES - 1) {
      sb.append('a');
    }
    String text = sb + "护城河" + "tail\n";
    assertText(
        write("cut.txt", text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8, text);
  }

  @Test
  void open_utf8WithRareStrayByte_staysUtf8AndReplacesIt() throws IOException {
    byte[] good = LINE.repeat(200).getBytes(StandardCharsets.UTF_8);
    byte[] bytes = concat(concat(good, new byte[] {(byte) 0xFF}), good);
    try (Decoded d = TextFiles.open(write("stray.log", bytes))) {
      Decoded.Text t = (Decoded.Text) d;
      assertThat(t.charset()).isEqualTo(StandardCharsets.UTF_8);
      assertThat(readAll(t.reader())).contains("\uFFFD").startsWith(LINE);
    }
  }

  @Test
  void open_emptyFile_isUtf8Text() throws IOException {
    assertText(write("empty.txt", new byte[0]), StandardCharsets.UTF_8, "");
  }

  @Test
  void open_largeFile_streamsEverythingAfterTheSample() throws IOException {
    String text = LINE.repeat(5_000); // ~ 500 KB, far beyond the sample
    assertText(write("big.log", text.getBytes(GBK)), GB18030, text);
  }

  private static final Charset UTF16LE = StandardCharsets.UTF_16LE;
  private static final Charset UTF16BE = StandardCharsets.UTF_16BE;

  private void assertText(Path f, Charset expected, String content) throws IOException {
    try (Decoded d = TextFiles.open(f)) {
      assertThat(d).isInstanceOf(Decoded.Text.class);
      Decoded.Text t = (Decoded.Text) d;
      assertThat(t.charset()).isEqualTo(expected);
      assertThat(t.gzip()).isFalse();
      assertThat(readAll(t.reader())).isEqualTo(content);
    }
    try (Decoded d = TextFiles.open(f)) {
      InputStream utf8 = ((Decoded.Text) d).utf8();
      if (expected.equals(StandardCharsets.UTF_8)) {
        assertThat(utf8).as("undecoded UTF-8 bytes after the BOM").isNotNull();
        assertThat(new String(utf8.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(content);
      } else {
        assertThat(utf8).as("no byte view for " + expected).isNull();
      }
    }
  }

  @Test
  void open_gzipOfUtf8WithBom_bytesAreTheDecompressedTextAfterTheBom() throws IOException {
    byte[] body = LINE.repeat(3).getBytes(StandardCharsets.UTF_8);
    byte[] bytes = gzip(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body));
    try (Decoded d = TextFiles.open(write("a.log.gz", bytes))) {
      Decoded.Text t = (Decoded.Text) d;
      assertThat(t.gzip()).isTrue();
      InputStream utf8 = t.utf8();
      assertThat(utf8).isNotNull();
      assertThat(utf8.readAllBytes()).isEqualTo(body);
    }
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static String readAll(Reader r) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[4096];
    for (int n; (n = r.read(buf)) >= 0; ) {
      sb.append(buf, 0, n);
    }
    return sb.toString();
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = new byte[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  @Test
  void open_stream_closesItWhenBinary() throws IOException {
    boolean[] closed = {false};
    ByteArrayInputStream in =
        new ByteArrayInputStream(new byte[] {1, 0, 2}) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    assertThat(TextFiles.open(in)).isInstanceOf(Decoded.Binary.class);
    assertThat(closed[0]).isTrue();
  }
}
