package dev.moat.core.detect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The three ways into the engine, so that corpus tests run through each: {@link
 * DetectionEngine#find} over a string, {@link DetectionEngine#scan(java.io.Reader,
 * DetectionEngine.StreamSink)} over chars, and {@link DetectionEngine#scanUtf8} over the UTF-8
 * bytes. Stream results (line, code-point columns) are turned back into UTF-16 offsets in the whole
 * text, so all three give comparable {@link Match} lists.
 */
public enum Paths {
  FIND,
  CHARS,
  BYTES;

  /** The matches of {@code text} through this path, as UTF-16 offsets in the whole text. */
  public List<Match> find(DetectionEngine engine, String text) {
    if (this == FIND) {
      return engine.find(text);
    }
    List<Integer> lineStarts = new ArrayList<>();
    lineStarts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lineStarts.add(i + 1);
      }
    }
    List<Match> out = new ArrayList<>();
    DetectionEngine.StreamSink sink =
        (line, s, e, m) -> {
          int base = lineStarts.get((int) line - 1);
          int start = text.offsetByCodePoints(base, (int) s);
          int end = text.offsetByCodePoints(base, (int) e);
          out.add(new Match(m.entity(), start, end, m.confidence(), m.value()));
        };
    try {
      if (this == CHARS) {
        engine.scan(new StringReader(text), sink);
      } else {
        engine.scanUtf8(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), sink);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
