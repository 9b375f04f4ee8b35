package dev.moat.core.detect;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Streaming scan of UTF-8 bytes in constant memory, without decoding the text: the same matches,
 * lines and code-point columns as {@link StreamScan} over the decoded text, at a fraction of the
 * cost.
 *
 * <p>The tokenizer walks the bytes once: ASCII through a class table, three-byte sequences checked
 * for full-width forms (which fold to ASCII and join word runs) and for the few CJK chars that
 * start a rule; everything else is stepped over. It yields the candidates of {@link Scan#run} in
 * the same order. {@link Utf8Filter} drops those whose rules would do nothing; each remaining one
 * is decoded into a {@link Utf8Window} and handed to the same rules as in the char path ({@link
 * Scan#dispatch}), which decode further on demand. Hits go through {@link StreamHits} for overlap
 * resolution; lines and columns are counted only up to each reported match ({@link LineCounter}).
 *
 * <p>The buffer keeps {@link #KEEP} bytes behind the tokenizer and requires {@code overlap} bytes
 * ahead of it (unless input ends), so rules see the same text as in a whole-file scan unless a
 * single candidate's context is longer than that.
 */
final class Utf8Scan implements StreamHits.Out {
  static final int CHUNK = 1 << 20;

  /** Bytes buffered beyond a candidate before it is handled: more than 8 Ki chars of any kind. */
  static final int OVERLAP = 1 << 15;

  /** Bytes kept behind the tokenizer when the buffer moves on. */
  static final int KEEP = 4096;

  /** Hits start at most this many bytes before their candidate (an e-mail's local part). */
  private static final int FRONTIER = 256;

  private static final int BATCH = 512;

  /** Bits of a {@link #word} result that count full-width chars. */
  private static final int WIDE = 0xFFFFFF00;

  private final InputStream in;
  private final DetectionEngine.StreamSink sink;
  private final int overlap;
  private byte[] buf;

  /** The size {@link #buf} grows to once the input turns out not to fit its first, small size. */
  private final int capacity;

  private int len;
  private long base;
  private boolean eof;

  private final Hits hits = new Hits();
  private final Utf8Window window = new Utf8Window();
  private final Scan scan;
  private final LineCounter counter = new LineCounter();
  private final StreamHits pending;
  private final Utf8Filter filter;

  /** Absolute offset before which candidates are skipped: text a rule has consumed. */
  private long resume;

  private final int[] candStart = new int[BATCH];
  private final int[] candEnd = new int[BATCH];
  private final int[] candFlags = new int[BATCH];
  private final int[] candChars = new int[BATCH];
  private int candCount;

  Utf8Scan(Rules rules, InputStream in, DetectionEngine.StreamSink sink) {
    this(rules, in, sink, CHUNK, OVERLAP);
  }

  Utf8Scan(Rules rules, InputStream in, DetectionEngine.StreamSink sink, int chunk, int overlap) {
    this.in = in;
    this.sink = sink;
    this.overlap = overlap;
    this.capacity = chunk + overlap + 4 * KEEP;
    // Most files are small: start with 64 KiB and grow once when the input is longer.
    this.buf = new byte[Math.min(capacity, 64 << 10)];
    this.scan = new Scan(window.a, Utf8Window.BACK, Utf8Window.BACK, rules, hits, null, window);
    this.pending = new StreamHits(counter, this);
    this.filter = new Utf8Filter(rules.minConfidence() == Confidence.LOW);
  }

  void run() throws IOException {
    fill();
    int pos = 0;
    while (true) {
      int limit = eof ? len : len - overlap;
      if (pos < limit) {
        pos = tokenize(pos, limit);
        process();
        pending.advance(base + pos - FRONTIER);
      } else if (eof) {
        break;
      } else {
        pos = slide(pos);
      }
    }
    pending.advance(Long.MAX_VALUE);
  }

  /** Reads until the buffer is full or input ends. */
  private void fill() throws IOException {
    while (true) {
      while (len < buf.length) {
        int r = in.read(buf, len, buf.length - len);
        if (r < 0) {
          eof = true;
          break;
        }
        len += r;
      }
      if (eof || buf.length == capacity) {
        break;
      }
      buf = Arrays.copyOf(buf, capacity);
    }
    counter.buf = buf;
    counter.base = base;
    counter.len = len;
    counter.eof = eof;
  }

  /** Drops bytes no longer needed, refills, and returns {@code pos} in the moved buffer. */
  private int slide(int pos) throws IOException {
    long frontier = base + pos - FRONTIER;
    counter.moveTo(
        base + Utf8.boundary(buf, (int) (Math.min(frontier, pending.oldest()) - base), 0));
    int keep = (int) Math.min(pos - KEEP, counter.counted - base);
    int from = Utf8.boundary(buf, Math.max(0, keep), 0);
    System.arraycopy(buf, from, buf, 0, len - from);
    len -= from;
    base += from;
    fill();
    return pos - from;
  }

  /**
   * Tokenizes from {@code i} until {@code limit} or a full batch; returns where it stopped. The
   * loop is kept small so the JIT compiles it early and well: ASCII through the class table, a
   * short path for three-byte chars with leads E1–EC (U+1000–U+CFFF: CJK ideographs and
   * punctuation, neither full-width forms nor surrogates nor overlong, so only the continuation
   * bytes need checking), other sequences aside.
   */
  private int tokenize(int i, int limit) {
    final byte[] b = buf;
    final int end = len;
    final long[] interesting = CjkRules.INTERESTING;
    int n = 0;
    while (i < limit && n < BATCH) {
      int c = b[i];
      if (c >= 0) {
        int k = Chars.ascii((char) c);
        if (k == 0) {
          i++;
        } else if ((k & Chars.WORD) != 0) {
          long w = word(i + 1, k, end);
          if (!plain((int) w, c, (int) (w >>> 32) - i)) {
            add(n++, i, w);
          }
          i = (int) (w >>> 32);
        } else {
          candidate(n++, i, i + 1, Scan.CAND_AT);
          i++;
        }
      } else if (c >= (byte) 0xE1 && c <= (byte) 0xEC && i + 2 < end) {
        int b1 = b[i + 1];
        int b2 = b[i + 2];
        if ((((b1 ^ 0x80) | (b2 ^ 0x80)) & 0xC0) != 0) {
          bad(i++);
        } else {
          if ((interesting[(c & 0x0F) << 6 | (b1 & 0x3F)] & 1L << b2) != 0) {
            int cp = (c & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F);
            candidate(n++, i, i + 3, Scan.CAND_CJK | cp << 16);
          }
          i += 3;
        }
      } else if ((c & 0xF0) == 0xE0 && i + 2 < end) {
        int b1 = b[i + 1];
        int b2 = b[i + 2];
        int cp = (c & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F);
        if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80 || cp < 0x800 || (cp & 0xF800) == 0xD800) {
          bad(i++);
        } else if (cp >= 0xFF01 && cp <= 0xFF5E) {
          int k = Chars.ascii((char) (cp - 0xFEE0));
          if (k == 0) {
            i += 3;
          } else if ((k & Chars.WORD) != 0) {
            long w = word(i + 3, k, end) + (2 << 8);
            if (!plain((int) w, cp - 0xFEE0, 0)) {
              add(n++, i, w);
            }
            i = (int) (w >>> 32);
          } else {
            candidate(n++, i, i + 3, Scan.CAND_AT);
            i += 3;
          }
        } else {
          if (CjkRules.interesting((char) cp)) {
            candidate(n++, i, i + 3, Scan.CAND_CJK | cp << 16);
          }
          i += 3;
        }
      } else {
        i = other(b, i, c, end);
      }
    }
    candCount = n;
    return i;
  }

  /**
   * A run with letters that are not all hex digits, not starting like a key or token, and either
   * without digits or not 7–18 chars long ({@code bytes}; runs with full-width chars are never
   * plain): {@link TokenRules#token} sends it away at once, so it is not even a candidate here.
   */
  private static boolean plain(int f, int c0, int bytes) {
    return (f & (Chars.NONHEX | WIDE)) == Chars.NONHEX
        && ((f & Chars.DIGIT) == 0 || bytes < 7 || bytes > 18)
        && c0 != 'B'
        && c0 != 'e'
        && c0 != 'g'
        && c0 != 'A'
        && c0 != 'L';
  }

  /** Steps over a two- or four-byte sequence, or one malformed byte. */
  private int other(byte[] b, int i, int c, int end) {
    if (c >= (byte) 0xC2 && c <= (byte) 0xDF) {
      if (i + 1 < end && (b[i + 1] & 0xC0) == 0x80) {
        return i + 2;
      }
    } else if (c >= (byte) 0xF0 && c <= (byte) 0xF4 && i + 3 < end) {
      int b1 = b[i + 1] & 0xFF;
      boolean ok =
          (b1 & 0xC0) == 0x80
              && (b[i + 2] & 0xC0) == 0x80
              && (b[i + 3] & 0xC0) == 0x80
              && (c != (byte) 0xF0 || b1 >= 0x90)
              && (c != (byte) 0xF4 || b1 < 0x90);
      if (ok) {
        return i + 4;
      }
    }
    bad(i);
    return i + 1;
  }

  private void bad(int i) {
    counter.lastBad = base + i;
  }

  /**
   * Gathers the rest of a word run from {@code i} (its first char of class {@code k} ends there).
   * Returns its end in the high half, and in the low half its class bits plus 256 × twice the
   * number of full-width chars in the rest (their extra bytes).
   */
  private long word(int i, int k, int end) {
    final byte[] b = buf;
    int f = k;
    int wide = 0;
    while (i < end) {
      int d = b[i];
      if (d >= 0) {
        int k2 = Chars.ascii((char) d);
        if ((k2 & Chars.WORD) == 0) {
          break;
        }
        f |= k2;
        i++;
      } else {
        int k2 = fullWidth(b, i, end);
        if ((k2 & Chars.WORD) == 0) {
          break;
        }
        f |= k2;
        i += 3;
        wide += 2;
      }
    }
    return (long) i << 32 | wide << 8 | f;
  }

  /**
   * Adds the word run at {@code s} described by {@code w} ({@link #word}) as candidate {@code n}.
   */
  private void add(int n, int s, long w) {
    int e = (int) (w >>> 32);
    candStart[n] = s;
    candEnd[n] = e;
    candFlags[n] = (int) w & 0xFF;
    candChars[n] = e - s - ((int) w >>> 8 & 0xFFFFFF);
  }

  /** Class bits of the full-width form at {@code b[i]}, or 0 for anything else. */
  private static int fullWidth(byte[] b, int i, int end) {
    if (b[i] != (byte) 0xEF || i + 2 >= end) {
      return 0;
    }
    int b1 = b[i + 1];
    int b2 = b[i + 2];
    if ((b1 != (byte) 0xBC && b1 != (byte) 0xBD) || (b2 & 0xC0) != 0x80) {
      return 0;
    }
    int cp = 0xFF00 | (b1 & 1) << 6 | (b2 & 0x3F);
    return cp >= 0xFF01 && cp <= 0xFF5E ? Chars.ascii((char) (cp - 0xFEE0)) : 0;
  }

  private void candidate(int n, int s, int e, int flags) {
    candStart[n] = s;
    candEnd[n] = e;
    candFlags[n] = flags;
    candChars[n] = 1;
  }

  /** Runs the rules of each candidate that {@link Utf8Filter} lets through. */
  private void process() {
    boolean start = base == 0;
    for (int k = 0; k < candCount; k++) {
      int s = candStart[k];
      if (base + s < resume) {
        continue;
      }
      int e = candEnd[k];
      int f = candFlags[k];
      int chars = candChars[k];
      int r = filter.check(buf, len, start, eof, s, e, f, chars);
      resume = base + (r == Utf8Filter.RUN ? evaluate(s, e, f & 0xFFFF, chars) : r);
    }
  }

  /** Decodes around the candidate, runs its rules and queues its hits; returns the resume byte. */
  private int evaluate(int s, int e, int f, int chars) {
    Scan sc = scan;
    Utf8Window w = window;
    w.validFrom = (int) Math.max(0, counter.lastBad + 1 - base);
    w.open(sc, buf, len, eof, s, e);
    int cs = Utf8Window.BACK;
    hits.clear();
    int r = sc.dispatch(cs, cs + chars, f);
    int resumeAt = w.byteAt(sc, r);
    for (int i = 0; i < hits.size(); i++) {
      int hs = hits.start(i);
      int he = hits.end(i);
      pending.add(
          hits.entity(i),
          base + w.pos[hs],
          base + w.byteAt(sc, he),
          hits.confidence(i),
          he - hs,
          new String(w.a, hs, he - hs));
    }
    return resumeAt;
  }

  @Override
  public void report(String entity, long line, long column, Confidence c, String value)
      throws IOException {
    long end = column;
    for (int i = 0; i < value.length(); i++) {
      if (!Character.isLowSurrogate(value.charAt(i))) {
        end++;
      }
    }
    int s = (int) Math.min(Integer.MAX_VALUE, column);
    int e = (int) Math.min(Integer.MAX_VALUE, end);
    sink.accept(line, column, end, new Match(entity, s, e, c, value));
  }
}
