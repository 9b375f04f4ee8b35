package dev.moat.core.detect;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One pass over {@code a[lo, hi)}: the hot loop of the engine.
 *
 * <p>Design: the loop looks at each char once through {@link Chars#cls}. Runs of ASCII (or
 * full-width) letters and digits are gathered without allocation and dispatched by shape to the
 * rule classes ({@link NumberRules}, {@link TokenRules}, {@link NetRules}); {@code @} starts an
 * e-mail check and a few CJK chars (plate provinces, ends of name/address hotwords) start {@link
 * CjkRules}. Validators and hotword windows run only on these few candidates. Not thread-safe: one
 * instance per call.
 */
final class Scan {
  /** The text; replaced only when a {@link Utf8Window} grows. */
  char[] a;

  /** The region scanned; a {@link Utf8Window} moves these outwards on demand. */
  int lo;

  int hi;

  final Rules rules;
  final Hits hits;
  private final @Nullable Set<String> fieldEntities;

  /** Decodes more text on demand when a rule reads past the region (byte-level scans only). */
  private final @Nullable Utf8Window window;

  /** Scratch buffer for a folded, separator-free candidate. */
  final char[] n = new char[80];

  /** Group boundaries for separated digit groups. */
  final int[] groupStart = new int[8];

  final int[] groupEnd = new int[8];

  /** Longest hotword window searched; longer ones (around a long JWT) are cut. */
  private static final int WINDOW = 4096 + Hotwords.BEFORE + Hotwords.AFTER;

  Scan(char[] a, int lo, int hi, Rules rules, Hits hits, @Nullable Set<String> fieldEntities) {
    this(a, lo, hi, rules, hits, fieldEntities, null);
  }

  Scan(
      char[] a,
      int lo,
      int hi,
      Rules rules,
      Hits hits,
      @Nullable Set<String> fieldEntities,
      @Nullable Utf8Window window) {
    this.a = a;
    this.lo = lo;
    this.hi = hi;
    this.rules = rules;
    this.hits = hits;
    this.fieldEntities = fieldEntities;
    this.window = window;
    // a short text (a field value) has few candidates: no 6 KB of batch arrays for each one
    int batch = window != null ? BATCH : Math.min(BATCH, Math.max(16, (hi - lo) / 4));
    candStart = new int[batch];
    candEnd = new int[batch];
    candFlags = new int[batch];
  }

  /** Candidates found by {@link #tokenize}: start, end and class bits (or CJK / AT). */
  private final int[] candStart;

  private final int[] candEnd;
  private final int[] candFlags;
  private int candCount;

  private static final int BATCH = 512;

  /** Candidate flag: an {@code @}. */
  static final int CAND_AT = 1 << 8;

  /** Candidate flag: a CJK char of {@link CjkRules#interesting}. */
  static final int CAND_CJK = 1 << 9;

  /**
   * Tokenizes a batch, then hands each candidate to its rules. Rules may consume text beyond their
   * candidate (an e-mail domain, separated digit groups); candidates starting inside consumed text
   * are skipped. Keeping the tokenizer loop apart from the rules keeps it small enough for the JIT
   * to compile well.
   */
  void run() {
    int pos = lo;
    int resume = lo;
    while (pos < hi) {
      pos = tokenize(pos);
      for (int k = 0; k < candCount; k++) {
        int s = candStart[k];
        if (s < resume) {
          continue;
        }
        resume = dispatch(s, candEnd[k], candFlags[k]);
      }
    }
  }

  /**
   * Hands one candidate to its rules: a word run {@code [s, e)} with class bits {@code f}, or an
   * {@code @} or CJK char at {@code s} ({@link #CAND_AT}, {@link #CAND_CJK}). Returns where
   * scanning resumes: later candidates that start before it are skipped.
   */
  int dispatch(int s, int e, int f) {
    int kind = (f & CAND_CJK) != 0 ? 3 : (f & CAND_AT) != 0 ? 2 : (f & Chars.LETTER) == 0 ? 0 : 1;
    return RULES[kind].run(this, s, e, f);
  }

  /** The entry of one family of rules. */
  private interface Rule {
    int run(Scan sc, int s, int e, int f);
  }

  /**
   * The rule families, called through an interface on purpose: with four implementations the call
   * is megamorphic, so the JIT compiles each family on its own instead of inlining all of them into
   * the caller. That keeps the compiled units small, and the byte-level scan warms up faster.
   */
  private static final Rule[] RULES = {
    (sc, s, e, f) -> NumberRules.digits(sc, s, e),
    TokenRules::token,
    (sc, s, e, f) -> NetRules.email(sc, s),
    (sc, s, e, f) -> CjkRules.at(sc, s)
  };

  /** Fills the candidate batch from {@code i}; returns where the next batch starts. */
  private int tokenize(int i) {
    final char[] a = this.a;
    final int hi = this.hi;
    final int[] cs = candStart;
    final int[] ce = candEnd;
    final int[] cf = candFlags;
    int n = 0;
    while (i < hi && n < cs.length) {
      char c = a[i];
      int k;
      if (c < 128) {
        k = Chars.ascii(c);
      } else if (c >= 0xFF01 && c <= 0xFF5E) {
        k = Chars.ascii((char) (c - 0xFEE0));
      } else {
        if (CjkRules.interesting(c)) {
          cs[n] = i;
          ce[n] = i + 1;
          cf[n++] = CAND_CJK;
        }
        i++;
        continue;
      }
      if (k == 0) {
        i++;
        continue;
      }
      int s = i++;
      if ((k & Chars.WORD) != 0) {
        int f = k;
        while (i < hi) {
          char d = a[i];
          int k2 = d < 128 ? Chars.ascii(d) : (d >= 0xFF01 && d <= 0xFF5E ? Chars.cls(d) : 0);
          if ((k2 & Chars.WORD) == 0) {
            break;
          }
          f |= k2;
          i++;
        }
        cs[n] = s;
        ce[n] = i;
        cf[n++] = f;
      } else {
        cs[n] = s;
        ce[n] = i;
        cf[n++] = CAND_AT;
      }
    }
    candCount = n;
    return i;
  }

  /**
   * True when {@code i} is inside the text. Every read of {@link #a} by a rule goes through here
   * (or {@link #at}, {@link #raw}), so that a byte-level scan can decode its window further when a
   * rule looks past it; the answer is then the same as if the whole text had been decoded.
   */
  boolean has(int i) {
    if (i >= lo && i < hi) {
      return true;
    }
    Utf8Window w = window;
    return w != null && w.extend(this, i);
  }

  /** The folded char at {@code i}, or 0 outside the text. */
  char at(int i) {
    return has(i) ? Chars.fold(a[i]) : 0;
  }

  /** The char at {@code i} as it is, or 0 outside the text. */
  char raw(int i) {
    return has(i) ? a[i] : 0;
  }

  /** Copies {@code a[s, e)} folded into {@link #n} at {@code off}; returns the new length. */
  int copy(int s, int e, int off) {
    for (int i = s; i < e; i++) {
      n[off++] = Chars.fold(a[i]);
    }
    return off;
  }

  /** Part of a compound token like {@code ORD-2024…} or {@code a.b}: a joiner then a word char. */
  boolean joinedBefore(int s) {
    char p = at(s - 1);
    return (p == '-' || p == '_' || p == '.' || p == '+') && Chars.word(at(s - 2));
  }

  /** Followed by {@code @}, or by a joiner and a word char. */
  boolean joinedAfter(int e) {
    char p = at(e);
    return p == '@' || ((p == '-' || p == '_' || p == '.') && Chars.word(at(e + 1)));
  }

  boolean on(String entity) {
    return rules.enabled(entity);
  }

  /** 2 when the field name hints at {@code entity}, 1 for a hotword nearby, else 0. */
  int context(String entity, int s, int e) {
    if (fieldEntities != null && fieldEntities.contains(entity)) {
      return 2;
    }
    has(s - Hotwords.BEFORE);
    has(e + Hotwords.AFTER - 1);
    int from = Math.max(lo, s - Hotwords.BEFORE);
    int to = Math.min(hi, e + Hotwords.AFTER);
    return rules.hotwords().near(entity, a, from, to, WINDOW) ? 1 : 0;
  }

  /**
   * Emits a format with a validator: MEDIUM when it passed, HIGH with context as well; LOW when
   * only the shape matched (context does not rescue a failed check).
   */
  void validated(String entity, int s, int e, boolean valid) {
    if (!on(entity)) {
      return;
    }
    if (!valid) {
      emit(entity, s, e, Confidence.LOW);
      return;
    }
    emit(entity, s, e, context(entity, s, e) > 0 ? Confidence.HIGH : Confidence.MEDIUM);
  }

  /** Emits a format with no or a weak check: needs context for MEDIUM, a field name for HIGH. */
  void weak(String entity, int s, int e) {
    if (!on(entity)) {
      return;
    }
    int ctx = context(entity, s, e);
    emit(entity, s, e, ctx == 2 ? Confidence.HIGH : ctx == 1 ? Confidence.MEDIUM : Confidence.LOW);
  }

  void emit(String entity, int s, int e, Confidence c) {
    if (c.atLeast(rules.minConfidence()) && on(entity)) {
      hits.add(entity, s, e, c);
    }
  }
}
