package dev.moat.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.moat.core.detect.DetectionEngine;
import dev.moat.core.detect.Match;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scans JSON Lines (one JSON value per line: application logs, {@code .jsonl}/{@code .ndjson}
 * exports, one-line {@code .json} files) value by value, so that each value is seen with its key:
 * {@code "name":"张伟"} and {@code "addr":"北京市朝阳区建国路88号"} are a name and an address, which the same
 * words in prose are not, and {@code "passport":"E12345678"} reaches {@code high}.
 *
 * <p>Every line is also scanned as text, exactly as any other file: a value's key only adds matches
 * (names, addresses, birth dates) and raises confidence, it never loses one a plain scan finds (a
 * coordinate pair {@code [30.27415,120.15515]} spans two values). Lines that are not JSON are
 * scanned as text only. A value with escapes (<code>"&#92;u5f20&#92;u4f1f"</code>) is matched on
 * its decoded text and reported at the span of its escaped form in the file.
 *
 * <p>Used for {@code .jsonl}, {@code .ndjson} and {@code .json} files (also gzipped) whose first
 * line is a complete JSON object or array, and for {@code .log} files whose first line is one. A
 * JSON document spread over many lines is scanned as text.
 */
final class JsonLinesScan extends LineScan {
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
          .build();

  /** Bytes {@link #firstLineIsJson} reads ahead. */
  private static final int PEEK = 4096;

  /** Keys remembered in {@link #hinting} at most; JSON keys repeat, a map of ids does not. */
  private static final int MAX_KEYS = 4096;

  private final Map<String, Boolean> hinting = new HashMap<>();
  private final List<Match> found = new ArrayList<>();
  private final List<Integer> offsets = new ArrayList<>();

  /** A scan of one file. Not thread-safe; one instance per file. */
  JsonLinesScan(DetectionEngine engine, DetectionEngine.StreamSink sink) {
    super(engine, sink);
  }

  /**
   * Whether {@code fileName} names JSON ({@code .jsonl}, {@code .ndjson}, {@code .json}, also
   * gzipped).
   */
  static boolean jsonName(String fileName) {
    String n = withoutGz(fileName);
    return n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json");
  }

  /** Whether {@code fileName} names a log ({@code .log}, also gzipped) that may hold JSON Lines. */
  static boolean logName(String fileName) {
    return withoutGz(fileName).endsWith(".log");
  }

  private static String withoutGz(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    return n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
  }

  /**
   * Whether the first line of {@code in} (which must support mark) is one JSON object or array, as
   * {@link #begin} will judge it; {@code in} is left where it was. A first line longer than {@value
   * #PEEK} bytes counts when it starts with <code>&#123;</code> or {@code [}.
   */
  static boolean firstLineIsJson(InputStream in) throws IOException {
    in.mark(PEEK + 1);
    byte[] b;
    try {
      b = in.readNBytes(PEEK);
    } finally {
      in.reset();
    }
    int end = 0;
    while (end < b.length && b[end] != '\n') {
      end++;
    }
    String first = new String(b, 0, end, StandardCharsets.UTF_8);
    if (end == PEEK) {
      String s = first.stripLeading();
      return s.startsWith("{") || s.startsWith("[");
    }
    try (JsonParser p = JSON.createParser(first)) {
      if (!first.isBlank() && "{[".indexOf(first.strip().charAt(0)) >= 0) {
        while (p.nextToken() != null) {
          // parse to the end: any error means not JSON
        }
        return true;
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  boolean begin(String first) {
    return structured(first);
  }

  @Override
  boolean firstIsData() {
    return true;
  }

  @Override
  void line(long number, String text) throws IOException {
    List<Match> plain = engine.find(text);
    if (!structured(text)) {
      for (Match m : plain) {
        report(number, text, 0, m);
      }
      return;
    }
    // plain matches, upgraded or joined by what a value's key adds; never one less
    List<Match> out = new ArrayList<>(plain.size() + found.size());
    List<Integer> at = new ArrayList<>(plain.size() + found.size());
    int k = 0;
    for (Match p : plain) {
      while (k < found.size() && end(k) <= p.start()) {
        out.add(found.get(k));
        at.add(offsets.get(k));
        k++;
      }
      Match better = p;
      while (k < found.size() && start(k) < p.end()) {
        Match f = found.get(k);
        if (start(k) == p.start()
            && end(k) == p.end()
            && f.confidence().compareTo(better.confidence()) > 0) {
          better = new Match(f.entity(), p.start(), p.end(), f.confidence(), p.value());
        }
        k++; // overlaps the plain match: the plain one stands
      }
      out.add(better);
      at.add(0);
    }
    for (; k < found.size(); k++) {
      out.add(found.get(k));
      at.add(offsets.get(k));
    }
    for (int i = 0; i < out.size(); i++) {
      report(number, text, at.get(i), out.get(i));
    }
  }

  private int start(int k) {
    return offsets.get(k) + found.get(k).start();
  }

  private int end(int k) {
    return offsets.get(k) + found.get(k).end();
  }

  /**
   * Parses {@code text} as one JSON value and collects, in {@link #found} with their line offsets
   * in {@link #offsets}, the matches of every scalar value seen with its key (when the key hints).
   * False when the line is not one JSON object or array; then nothing is collected.
   */
  private boolean structured(String text) {
    found.clear();
    offsets.clear();
    int first = 0;
    while (first < text.length() && Character.isWhitespace(text.charAt(first))) {
      first++;
    }
    if (first == text.length() || (text.charAt(first) != '{' && text.charAt(first) != '[')) {
      return false;
    }
    try (JsonParser p = JSON.createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.VALUE_STRING) {
          value(text, p, key(p), true);
        } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
          value(text, p, key(p), false);
        }
      }
      return true;
    } catch (IOException e) {
      found.clear();
      offsets.clear();
      return false;
    }
  }

  /** The key a value belongs to: its own, or, inside an array, the array's. */
  private static String key(JsonParser p) {
    for (JsonStreamContext c = p.getParsingContext(); c != null; c = c.getParent()) {
      String name = c.getCurrentName();
      if (name != null) {
        return name;
      }
    }
    return "";
  }

  /**
   * Runs the engine on the current token's text with {@code field} as its field name; {@code
   * quoted} tokens start with a quote in {@code text} and may hold escapes, which are mapped back.
   */
  private void value(String text, JsonParser p, String field, boolean quoted) throws IOException {
    // the plain scan of the line sees every value already; only a key that hints adds anything
    Boolean hints = hinting.get(field);
    if (hints == null) {
      if (hinting.size() > MAX_KEYS) {
        hinting.clear();
      }
      hints = engine.fieldHints(field);
      hinting.put(field, hints);
    }
    if (!hints) {
      return;
    }
    String v = p.getText();
    List<Match> ms = engine.findInField(field, v);
    if (ms.isEmpty()) {
      return;
    }
    int raw = (int) p.currentTokenLocation().getCharOffset() + (quoted ? 1 : 0);
    for (Match m : ms) {
      int s = rawIndex(text, raw, m.start());
      int e = rawIndex(text, raw, m.end());
      found.add(new Match(m.entity(), 0, e - s, m.confidence(), m.value()));
      offsets.add(s);
    }
  }

  /**
   * The index in {@code text} of char {@code i} of the string decoded from the JSON string body
   * starting at {@code raw}: each escape ({@code \n}, <code>&#92;uXXXX</code>) is one decoded char.
   */
  private static int rawIndex(String text, int raw, int i) {
    int r = raw;
    for (int d = 0; d < i; d++) {
      if (text.charAt(r) == '\\') {
        r += text.charAt(r + 1) == 'u' ? 6 : 2;
      } else {
        r++;
      }
    }
    return r;
  }
}
