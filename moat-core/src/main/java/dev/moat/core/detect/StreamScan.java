package dev.moat.core.detect;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * Streaming scan in constant memory. The reader fills a fixed buffer; each round scans the whole
 * buffer but reports only matches that start in {@code [reported, safe)}, where {@code safe} is
 * {@link #OVERLAP} chars before the end of the buffer (or the end, at EOF). The tail from {@code
 * safe - KEEP} on is moved to the front for the next round, so a match crossing a round boundary is
 * seen whole and reported exactly once, and hotword windows and boundary checks see the same chars
 * in both rounds. Line numbers and code-point columns are counted incrementally, once per char.
 */
final class StreamScan {
  static final int CHUNK = 1 << 20;

  /** Longer than any match plus its look-ahead (JWTs are cut at 4096 chars). */
  static final int OVERLAP = 8192;

  /** Look-behind kept for hotwords, boundaries and e-mail local parts. */
  static final int KEEP = 256;

  private final StandardEngine engine;
  private final Reader in;
  private final DetectionEngine.StreamSink sink;
  private final char[] buf;

  private long line = 1;
  private long column;

  /** Absolute char offset up to which {@link #line} and {@link #column} are counted. */
  private long counted;

  StreamScan(StandardEngine engine, Reader in, DetectionEngine.StreamSink sink) {
    this(engine, in, sink, CHUNK);
  }

  StreamScan(StandardEngine engine, Reader in, DetectionEngine.StreamSink sink, int chunk) {
    this.engine = engine;
    this.in = in;
    this.sink = sink;
    this.buf = new char[chunk + OVERLAP + KEEP];
  }

  void run() throws IOException {
    int len = 0;
    long base = 0;
    long reported = 0;
    boolean eof = false;
    Hits hits = new Hits();
    while (!eof) {
      while (len < buf.length) {
        int r = in.read(buf, len, buf.length - len);
        if (r < 0) {
          eof = true;
          break;
        }
        len += r;
      }
      long safe = eof ? base + len : base + len - OVERLAP;
      hits.clear();
      engine.detect(buf, 0, len, hits, null);
      List<Match> matches = hits.resolve(buf, 0);
      for (Match m : matches) {
        long abs = base + m.start();
        if (abs >= reported && abs < safe) {
          report(base, m);
        }
      }
      advanceTo(base, safe);
      reported = safe;
      int keepFrom = (int) Math.max(0, safe - base - KEEP);
      System.arraycopy(buf, keepFrom, buf, 0, len - keepFrom);
      len -= keepFrom;
      base += keepFrom;
    }
  }

  private void report(long base, Match m) throws IOException {
    advanceTo(base, base + m.start());
    long start = column;
    long end = start;
    for (int i = m.start(); i < m.end(); i++) {
      if (!Character.isLowSurrogate(buf[i])) {
        end++;
      }
    }
    int s = (int) Math.min(Integer.MAX_VALUE, start);
    int e = (int) Math.min(Integer.MAX_VALUE, end);
    sink.accept(line, start, end, new Match(m.entity(), s, e, m.confidence(), m.value()));
  }

  private void advanceTo(long base, long abs) {
    char[] b = buf;
    int from = (int) (counted - base);
    int to = (int) (abs - base);
    long ln = line;
    long col = column;
    for (int i = from; i < to; i++) {
      char c = b[i];
      if (c == '\n') {
        ln++;
        col = 0;
      } else if (c < 0xDC00 || c > 0xDFFF) {
        col++;
      }
    }
    line = ln;
    column = col;
    counted = Math.max(counted, abs);
  }
}
