package dev.moat.core.text;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of opening bytes as text: either a {@link Text} to read, or a {@link Binary} verdict
 * that says why the content is not text. Closing a {@code Text} closes the underlying stream; a
 * {@code Binary} has already released it.
 */
public sealed interface Decoded extends Closeable permits Decoded.Text, Decoded.Binary {

  /** True when the bytes were gzip-compressed and have been decompressed transparently. */
  boolean gzip();

  /**
   * Readable text.
   *
   * @param reader decodes the whole content (after any byte-order mark); malformed bytes further
   *     into the stream are replaced with U+FFFD rather than failing the read
   * @param charset the detected encoding
   * @param gzip whether the content was gzip-compressed
   * @param utf8 when the encoding is UTF-8 (ASCII included): the same content as undecoded bytes,
   *     after any byte-order mark, for byte-level scanning ({@code DetectionEngine#scanUtf8}); else
   *     null. Read either this or {@code reader}, never both.
   */
  record Text(Reader reader, Charset charset, boolean gzip, @Nullable InputStream utf8)
      implements Decoded {
    public Text {
      Objects.requireNonNull(reader, "reader");
      Objects.requireNonNull(charset, "charset");
    }

    /** Text without a byte-level view. */
    public Text(Reader reader, Charset charset, boolean gzip) {
      this(reader, charset, gzip, null);
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  /**
   * Content that is not text.
   *
   * @param reason what gave it away
   * @param gzip whether the content was gzip-compressed
   */
  record Binary(Reason reason, boolean gzip) implements Decoded {
    public Binary {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public void close() {
      // the stream was closed when the verdict was reached
    }
  }

  /** Why content was judged binary. */
  enum Reason {
    /** NUL bytes in the sample, which text in the supported encodings never contains. */
    NUL_BYTES,
    /** Too many byte sequences that are invalid in every supported encoding, or control bytes. */
    NOT_TEXT
  }
}
