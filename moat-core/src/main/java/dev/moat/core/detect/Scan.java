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
  final char[] a;
  final int lo;
  final int hi;
  final Rules rules;
  final Hits hits;
  private final @Nullable Set<String> fieldEntities;

  /** Scratch buffer for a folded, separator-free candidate. */
  final char[] n = new char[80];

  /** Group boundaries for separated digit groups. */
  final int[] groupStart = new int[8];

  final int[] groupEnd = new int[8];

  Scan(char[] a, int lo, int hi, Rules rules, Hits hits, @Nullable Set<String> fieldEntities) {
    this.a = a;
    this.lo = lo;
    this.hi = hi;
    this.rules = rules;
    this.hits = hits;
    this.fieldEntities = fieldEntities;
  }

  void run() {
    final char[] a = this.a;
    final int hi = this.hi;
    int i = lo;
    while (i < hi) {
      char c = a[i];
      int k;
      if (c < 128) {
        k = Chars.cls(c);
        if (k == 0) {
          i++;
          continue;
        }
      } else if (c >= 0xFF01 && c <= 0xFF5E) {
        k = Chars.cls(c);
        if (k == 0) {
          i++;
          continue;
        }
      } else {
        i = CjkRules.interesting(c) ? CjkRules.at(this, i) : i + 1;
        continue;
      }
      if ((k & Chars.WORD) != 0) {
        int s = i;
        int f = k;
        i++;
        while (i < hi) {
          char d = a[i];
          int k2 = d < 128 ? Chars.cls(d) : (d >= 0xFF01 && d <= 0xFF5E ? Chars.cls(d) : 0);
          if ((k2 & Chars.WORD) == 0) {
            break;
          }
          f |= k2;
          i++;
        }
        i = run(s, i, f);
      } else if ((k & Chars.AT) != 0) {
        i = NetRules.email(this, i);
      } else {
        i++;
      }
    }
  }

  private int run(int s, int e, int f) {
    if ((f & Chars.LETTER) == 0) {
      return NumberRules.digits(this, s, e);
    }
    return TokenRules.token(this, s, e, f);
  }

  /** The folded char at {@code i}, or 0 outside the region. */
  char at(int i) {
    return i >= lo && i < hi ? Chars.fold(a[i]) : 0;
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
    return rules
            .hotwords()
            .near(entity, a, Math.max(lo, s - Hotwords.BEFORE), Math.min(hi, e + Hotwords.AFTER))
        ? 1
        : 0;
  }

  /** Emits a validated format: MEDIUM, or HIGH with context; LOW when only the shape matched. */
  void validated(String entity, int s, int e, boolean valid) {
    if (!on(entity)) {
      return;
    }
    int ctx = context(entity, s, e);
    Confidence c =
        valid
            ? (ctx > 0 ? Confidence.HIGH : Confidence.MEDIUM)
            : (ctx > 0 ? Confidence.MEDIUM : Confidence.LOW);
    emit(entity, s, e, c);
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
