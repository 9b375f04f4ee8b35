package dev.moat.core.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the encoding of a byte sample, or decides it is not text.
 *
 * <p>Order of evidence: a byte-order mark wins; then UTF-16 without BOM is recognised by NUL bytes
 * in every other position; any other NUL means binary; then strict UTF-8, then strict GB18030 (a
 * superset of GBK and GB2312, so Excel-exported CSV and Chinese logs decode whichever they use).
 * When neither decodes cleanly, the encoding with fewer malformed sequences is used if they are
 * rare (a UTF-8 log with a few stray bytes is still a log); otherwise the sample is binary.
 */
final class EncodingSniffer {
  static final Charset GB18030 = Charset.forName("GB18030");

  /** Above this share of malformed sequences (per byte) a sample is not text. */
  private static final double MAX_MALFORMED = 0.01;

  /** Above this share of C0 control bytes (other than tab, CR, LF, FF, ESC) it is not text. */
  private static final double MAX_CONTROL = 0.05;

  /**
   * The verdict on a sample.
   *
   * @param charset the encoding, or null when the sample is binary
   * @param bomLength bytes of byte-order mark to skip
   * @param binary why the sample is binary, or null when it is text
   */
  record Verdict(@Nullable Charset charset, int bomLength, Decoded.@Nullable Reason binary) {

    static Verdict text(Charset charset, int bomLength) {
      return new Verdict(charset, bomLength, null);
    }

    static Verdict binary(Decoded.Reason reason) {
      return new Verdict(null, 0, reason);
    }
  }

  private EncodingSniffer() {}

  /**
   * Judges {@code b[0..n)}.
   *
   * @param complete true when the sample is the whole content, so a truncated multi-byte sequence
   *     at its end is an error rather than the cut of the sample
   */
  static Verdict sniff(byte[] b, int n, boolean complete) {
    if (n >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return Verdict.text(StandardCharsets.UTF_8, 3);
    }
    if (n >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return Verdict.text(StandardCharsets.UTF_16LE, 2);
    }
    if (n >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return Verdict.text(StandardCharsets.UTF_16BE, 2);
    }
    Charset utf16 = utf16WithoutBom(b, n, complete);
    if (utf16 != null) {
      return Verdict.text(utf16, 0);
    }
    int control = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xff;
      if (c == 0) {
        return Verdict.binary(Decoded.Reason.NUL_BYTES);
      }
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) {
        control++;
      }
    }
    if (control > n * MAX_CONTROL) {
      return Verdict.binary(Decoded.Reason.NOT_TEXT);
    }
    long utf8Errors = malformed(StandardCharsets.UTF_8, b, n, complete, 1);
    if (utf8Errors == 0) {
      return Verdict.text(StandardCharsets.UTF_8, 0);
    }
    long gbErrors = malformed(GB18030, b, n, complete, utf8Errors);
    if (gbErrors == 0) {
      return Verdict.text(GB18030, 0);
    }
    long fullUtf8Errors = malformed(StandardCharsets.UTF_8, b, n, complete, Long.MAX_VALUE);
    Charset best = gbErrors < fullUtf8Errors ? GB18030 : StandardCharsets.UTF_8;
    long errors = Math.min(gbErrors, fullUtf8Errors);
    return errors <= n * MAX_MALFORMED
        ? Verdict.text(best, 0)
        : Verdict.binary(Decoded.Reason.NOT_TEXT);
  }

  /**
   * UTF-16 without a BOM shows as ASCII-range text with every other byte NUL. Requires most pairs
   * to look that way and the sample to decode strictly, so binary data with scattered NULs is not
   * mistaken for it.
   */
  private static @Nullable Charset utf16WithoutBom(byte[] b, int n, boolean complete) {
    int pairs = n / 2;
    if (pairs < 2) {
      return null;
    }
    int evenNul = 0;
    int oddNul = 0;
    for (int i = 0; i + 1 < n; i += 2) {
      if (b[i] == 0) {
        evenNul++;
      }
      if (b[i + 1] == 0) {
        oddNul++;
      }
    }
    Charset candidate = null;
    if (oddNul >= pairs * 0.6 && evenNul <= pairs * 0.02) {
      candidate = StandardCharsets.UTF_16LE;
    } else if (evenNul >= pairs * 0.6 && oddNul <= pairs * 0.02) {
      candidate = StandardCharsets.UTF_16BE;
    }
    if (candidate == null || malformed(candidate, b, n, complete, 1) != 0) {
      return null;
    }
    return candidate;
  }

  /**
   * Counts malformed or unmappable sequences when decoding {@code b[0..n)}, stopping at {@code
   * limit}. An incomplete sequence at the end counts only when the sample is complete.
   */
  static long malformed(Charset cs, byte[] b, int n, boolean complete, long limit) {
    CharsetDecoder dec =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, 0, n);
    CharBuffer out = CharBuffer.allocate(8192);
    long errors = 0;
    while (errors < limit) {
      CoderResult r = dec.decode(in, out, complete);
      if (r.isError()) {
        errors++;
        in.position(in.position() + r.length());
      } else if (r.isOverflow()) {
        out.clear();
      } else {
        // underflow: all input consumed, or only a cut sequence remains at the end of the sample
        break;
      }
    }
    return errors;
  }
}
