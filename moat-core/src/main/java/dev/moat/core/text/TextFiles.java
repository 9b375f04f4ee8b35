package dev.moat.core.text;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens files and streams as text.
 *
 * <p>Only a prefix of {@value #SAMPLE_BYTES} bytes is inspected (after gzip decompression), so
 * opening costs the same for a 1 KB file and a 2 GB one, and the returned reader streams the rest
 * without buffering it. The encoding is decided once from that prefix: a file that is pure ASCII
 * for its first 64 KB and GBK afterwards is read as UTF-8, with the later bytes replaced.
 */
public final class TextFiles {
  /** Bytes inspected to detect compression, binary content and the encoding. */
  public static final int SAMPLE_BYTES = 64 * 1024;

  private static final int BUFFER = 64 * 1024;

  private TextFiles() {}

  /**
   * Opens {@code file}.
   *
   * @throws IOException if the file cannot be read, or its gzip header is corrupt
   */
  public static Decoded open(Path file) throws IOException {
    return open(Files.newInputStream(file));
  }

  /**
   * Opens {@code in}, taking ownership: it is closed by the returned {@link Decoded.Text}, or
   * before this method returns a {@link Decoded.Binary} or throws.
   */
  public static Decoded open(InputStream in) throws IOException {
    InputStream stream = in;
    try {
      BufferedInputStream raw = new BufferedInputStream(stream, BUFFER);
      stream = raw;
      boolean gzip = isGzip(raw);
      InputStream content = raw;
      if (gzip) {
        content = new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER);
        stream = content;
      }
      byte[] sample = new byte[SAMPLE_BYTES];
      content.mark(SAMPLE_BYTES + 1);
      int n = content.readNBytes(sample, 0, SAMPLE_BYTES);
      boolean complete = n < SAMPLE_BYTES || content.read() < 0;
      content.reset();
      EncodingSniffer.Verdict v = EncodingSniffer.sniff(sample, n, complete);
      Charset cs = v.charset();
      if (cs == null) {
        stream.close();
        Decoded.Reason reason = v.binary();
        return new Decoded.Binary(reason == null ? Decoded.Reason.NOT_TEXT : reason, gzip);
      }
      content.skipNBytes(v.bomLength());
      CharsetDecoder dec =
          cs.newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE);
      Reader reader = new InputStreamReader(content, dec);
      boolean utf8 = cs.equals(StandardCharsets.UTF_8);
      return new Decoded.Text(reader, cs, gzip, utf8 ? content : null);
    } catch (IOException | RuntimeException e) {
      try {
        stream.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Detects the gzip magic {@code 1f 8b} without consuming it. */
  private static boolean isGzip(BufferedInputStream in) throws IOException {
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return b0 == 0x1f && b1 == 0x8b;
  }
}
