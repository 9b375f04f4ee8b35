package dev.moat.core.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The built-in engine: {@link Scan} over the text, then custom detectors, then overlap resolution.
 * Immutable and thread-safe: all per-call state lives in the {@link Scan} and {@link Hits} of that
 * call.
 */
final class StandardEngine implements DetectionEngine {
  private final Rules rules;

  StandardEngine(Rules rules) {
    this.rules = rules;
  }

  Rules rules() {
    return rules;
  }

  @Override
  public List<Match> find(CharSequence text) {
    char[] a = chars(text);
    Hits hits = new Hits();
    detect(a, 0, a.length, hits, null);
    return hits.resolve(a, 0);
  }

  @Override
  public List<Match> findInField(String fieldName, CharSequence value) {
    char[] a = chars(value);
    Set<String> fe = rules.hotwords().entitiesForField(fieldName);
    Hits hits = new Hits();
    Scan sc = detect(a, 0, a.length, hits, fe);
    if (!fe.isEmpty()) {
      FieldRules.wholeValue(sc, fe);
    }
    return hits.resolve(a, 0);
  }

  @Override
  public boolean fieldHints(String fieldName) {
    return !rules.hotwords().entitiesForField(fieldName).isEmpty();
  }

  @Override
  public void scan(Reader in, StreamSink sink) throws IOException {
    new StreamScan(this, in, sink).run();
  }

  @Override
  public void scanUtf8(InputStream in, StreamSink sink) throws IOException {
    if (rules.customs().isEmpty()) {
      new Utf8Scan(rules, in, sink).run();
    } else {
      // Custom regexes run over whole decoded chunks, so they take the char path.
      CharsetDecoder dec =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE);
      scan(new InputStreamReader(in, dec), sink);
    }
  }

  /** Scans {@code a[lo, hi)} into {@code hits}. */
  Scan detect(char[] a, int lo, int hi, Hits hits, @Nullable Set<String> fieldEntities) {
    Scan sc = new Scan(a, lo, hi, rules, hits, fieldEntities);
    sc.run();
    for (CustomDetector c : rules.customs()) {
      if (rules.enabled(c.entity())) {
        c.run(sc);
      }
    }
    return sc;
  }

  private static char[] chars(CharSequence s) {
    if (s instanceof String str) {
      return str.toCharArray();
    }
    char[] a = new char[s.length()];
    for (int i = 0; i < a.length; i++) {
      a[i] = s.charAt(i);
    }
    return a;
  }
}
