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
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
 * <p>Used for {@code .jsonl}, {@code .ndjson}, {@code .json} and {@code .log} files (also gzipped)
 * whose first line is a complete JSON object or array; a {@code .json} document spread over many
 * lines goes through {@link #document}.
 */
final class JsonLinesScan extends LineScan {
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
          .build();

  /** The largest JSON document (in chars) that {@link #document} reads whole. */
  static final int MAX_DOCUMENT = 8 << 20;

  /** Bytes {@link #firstLineIsJson} reads ahead. */
  private static final int PEEK = 4096;

  private final int maxDocument;
  private final List<Match> found = new ArrayList<>();
  private final List<Integer> offsets = new ArrayList<>();

  /** A scan of one file. Not thread-safe; one instance per file. */
  JsonLinesScan(DetectionEngine engine, DetectionEngine.StreamSink sink) {
    this(engine, sink, MAX_DOCUMENT);
  }

  /** With another limit for {@link #document} (tests). */
  JsonLinesScan(DetectionEngine engine, DetectionEngine.StreamSink sink, int maxDocument) {
    super(engine, sink);
    this.maxDocument = maxDocument;
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
   * Whether the first char other than white space in {@code in} (which must support mark) opens a
   * JSON object or array; {@code in} is left where it was.
   */
  static boolean startsLikeJson(InputStream in) throws IOException {
    return opensJson(new String(peek(in), StandardCharsets.UTF_8));
  }

  /**
   * Whether the first line of {@code in} (which must support mark) is one JSON object or array, as
   * {@link #begin} will judge it; {@code in} is left where it was. A first line longer than {@value
   * #PEEK} bytes counts when it opens one.
   */
  static boolean firstLineIsJson(InputStream in) throws IOException {
    byte[] b = peek(in);
    int end = 0;
    while (end < b.length && b[end] != '\n') {
      end++;
    }
    String first = new String(b, 0, end, StandardCharsets.UTF_8);
    if (!opensJson(first)) {
      return false;
    }
    if (end == PEEK) {
      return true;
    }
    try (JsonParser p = JSON.createParser(first)) {
      while (p.nextToken() != null) {
        // parse to the end: any error means not JSON
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static byte[] peek(InputStream in) throws IOException {
    in.mark(PEEK + 1);
    try {
      return in.readNBytes(PEEK);
    } finally {
      in.reset();
    }
  }

  /**
   * Whether the first char other than white space in {@code text} is <code>&#123;</code> or {@code
   * [}.
   */
  private static boolean opensJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
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
    merge(number, text, plain, found, offsets);
  }

  /**
   * Reports line {@code number}: the {@code plain} matches of {@code text}, upgraded or joined by
   * the matches {@code f} that values' keys add (at line offsets {@code o}); never one less.
   */
  private void merge(long number, String text, List<Match> plain, List<Match> f, List<Integer> o)
      throws IOException {
    List<Match> out = new ArrayList<>(plain.size() + f.size());
    List<Integer> at = new ArrayList<>(plain.size() + f.size());
    int k = 0;
    for (Match p : plain) {
      while (k < f.size() && o.get(k) + f.get(k).end() <= p.start()) {
        out.add(f.get(k));
        at.add(o.get(k));
        k++;
      }
      Match better = p;
      while (k < f.size() && o.get(k) + f.get(k).start() < p.end()) {
        Match m = f.get(k);
        if (o.get(k) + m.start() == p.start()
            && o.get(k) + m.end() == p.end()
            && m.confidence().compareTo(better.confidence()) > 0) {
          better = new Match(m.entity(), p.start(), p.end(), m.confidence(), p.value());
        }
        k++; // overlaps the plain match: the plain one stands
      }
      out.add(better);
      at.add(0);
    }
    for (; k < f.size(); k++) {
      out.add(f.get(k));
      at.add(o.get(k));
    }
    for (int i = 0; i < out.size(); i++) {
      report(number, text, at.get(i), out.get(i));
    }
  }

  /**
   * Reads a JSON document spread over many lines (pretty-printed {@code .json}) whole, up to
   * {@value #MAX_DOCUMENT} chars (by default), and reports it line by line like JSON Lines: each
   * value with its key, every line also as text. A larger document, or one that does not parse, is
   * streamed as text (the chars already read first), so memory stays bounded.
   */
  void document(Reader in) throws IOException {
    char[] buf = new char[8192];
    StringBuilder sb = new StringBuilder();
    int n;
    while ((n = in.read(buf)) >= 0) {
      sb.append(buf, 0, n);
      if (sb.length() > maxDocument) {
        engine.scan(new PrefixedReader(sb.toString(), in), sink);
        return;
      }
    }
    String doc = sb.toString();
    if (!structured(doc)) {
      engine.scan(new StringReader(doc), sink);
      return;
    }
    List<Match> f = new ArrayList<>();
    List<Integer> o = new ArrayList<>();
    int k = 0;
    long number = 0;
    for (int start = 0; start <= doc.length(); ) {
      int nl = doc.indexOf('\n', start);
      int end = nl < 0 ? doc.length() : nl;
      if (nl < 0 && start == doc.length()) {
        break; // no last line after a final newline
      }
      number++;
      String text =
          doc.substring(start, end > start && doc.charAt(end - 1) == '\r' ? end - 1 : end);
      f.clear();
      o.clear();
      while (k < found.size() && offsets.get(k) < end) {
        f.add(found.get(k));
        o.add(offsets.get(k) - start);
        k++;
      }
      merge(number, text, engine.find(text), f, o);
      start = end + 1;
    }
  }

  /** Chars already read, then the rest of a reader. */
  private static final class PrefixedReader extends Reader {
    private final StringReader prefix;
    private final Reader rest;
    private boolean prefixDone;

    PrefixedReader(String prefix, Reader rest) {
      this.prefix = new StringReader(prefix);
      this.rest = rest;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      if (!prefixDone) {
        int n = prefix.read(cbuf, off, len);
        if (n > 0) {
          return n;
        }
        prefixDone = true;
      }
      return rest.read(cbuf, off, len);
    }

    @Override
    public void close() throws IOException {
      rest.close();
    }
  }

  /**
   * Parses {@code text} as one JSON value and collects, in {@link #found} with their line offsets
   * in {@link #offsets}, the matches of every scalar value seen with its key (when the key hints).
   * False when the line is not one JSON object or array; then nothing is collected.
   */
  private boolean structured(String text) {
    found.clear();
    offsets.clear();
    if (!opensJson(text)) {
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
    if (!engine.fieldHints(field)) {
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
