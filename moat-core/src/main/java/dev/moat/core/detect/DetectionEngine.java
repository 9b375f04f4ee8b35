package dev.moat.core.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.List;

/**
 * Finds sensitive data in text. Instances are immutable and thread-safe; build one per
 * configuration and share it.
 *
 * <p>Overlapping candidates are resolved deterministically (resident ID over credit code over bank
 * card over IMEI), so each region of text yields at most one match.
 */
public interface DetectionEngine {

  /**
   * The default engine: every built-in detector, minimum confidence {@link Confidence#MEDIUM}.
   * Shared and thread-safe.
   */
  static DetectionEngine standard() {
    return Standard.ENGINE;
  }

  /** A builder for an engine with an entity filter, another minimum or custom detectors. */
  static DetectionEngineBuilder builder() {
    return new DetectionEngineBuilder();
  }

  /** Matches in {@code text} at or above the engine's minimum confidence, in text order. */
  List<Match> find(CharSequence text);

  /**
   * Matches in one structured field value. The field (column, JSON key, header) name is context:
   * {@code sfzh}, {@code mobile}, {@code 身份证号} raise confidence just as hotwords in prose do.
   */
  List<Match> findInField(String fieldName, CharSequence value);

  /**
   * Whether {@code fieldName} hints at some entity, so that {@link #findInField} can find more in a
   * value than {@link #find} (a {@code name} field's bare {@code 张伟}) or with more confidence.
   * False means {@code findInField(fieldName, v)} equals {@code find(v)}.
   */
  default boolean fieldHints(String fieldName) {
    return true;
  }

  /**
   * Streams {@code in} to its end, reporting each match with its 1-based line and code-point
   * offsets within that line. Memory stays bounded whatever the length of the input or of a line.
   */
  void scan(Reader in, StreamSink sink) throws IOException;

  /**
   * Streams UTF-8 (or ASCII) bytes from {@code in} to their end, reporting exactly what {@link
   * #scan(Reader, StreamSink)} reports for the same bytes decoded as UTF-8 with malformed input
   * replaced by U+FFFD (an {@code InputStreamReader} with {@code CodingErrorAction.REPLACE}): the
   * same matches, lines and code-point offsets. Faster, because the bytes are scanned directly and
   * only the neighbourhood of a candidate is ever decoded. A byte-order mark is not skipped. Memory
   * stays bounded whatever the length of the input or of a line; like {@code scan(Reader)}, a
   * single run of text longer than the stream buffer (tens of KiB without a break) is cut where the
   * buffer ends, which may fall at a different place in the two.
   */
  void scanUtf8(InputStream in, StreamSink sink) throws IOException;

  /** Receives matches found by {@link #scan}. */
  @FunctionalInterface
  interface StreamSink {
    /**
     * One match.
     *
     * @param line 1-based line number
     * @param start code-point offset of the match within its line, inclusive
     * @param end code-point offset within the line, exclusive
     * @param match the match; its {@code start}/{@code end} are not meaningful in a stream
     */
    void accept(long line, long start, long end, Match match) throws IOException;
  }
}
