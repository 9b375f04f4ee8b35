package dev.moat.core.detect;

import java.io.IOException;
import java.util.Arrays;

/**
 * Overlap resolution for hits that arrive while a stream is scanned, with exactly the outcome of
 * {@link Hits#resolve} over the whole text: hits are taken in (start, longer first, arrival) order,
 * each compared with the last one kept. A hit is taken once no hit still to come can sort before it
 * ({@link #advance}: the scan promises that later hits start at or after a frontier), and the kept
 * hit is reported once nothing still to come can overlap it. Positions are absolute byte offsets;
 * lengths, which break ties, are in chars as in the char path.
 */
final class StreamHits {
  /** Receives the resolved hits in text order. */
  interface Out {
    void report(String entity, long line, long column, Confidence c, String value)
        throws IOException;
  }

  private final LineCounter counter;
  private final Out out;
  private String[] entity = new String[16];
  private long[] start = new long[16];
  private long[] end = new long[16];
  private Confidence[] conf = new Confidence[16];
  private int[] length = new int[16];
  private String[] value = new String[16];
  private int head;
  private int tail;

  private boolean kept;
  private String keptEntity = "";
  private long keptEnd;
  private Confidence keptConf = Confidence.LOW;
  private int keptLength;
  private String keptValue = "";
  private long keptLine;
  private long keptColumn;

  StreamHits(LineCounter counter, Out out) {
    this.counter = counter;
    this.out = out;
  }

  void add(String e, long s, long t, Confidence c, int chars, String v) {
    if (tail == start.length) {
      grow();
    }
    int i = tail++;
    while (i > head && (start[i - 1] > s || (start[i - 1] == s && end[i - 1] < t))) {
      move(i - 1, i);
      i--;
    }
    entity[i] = e;
    start[i] = s;
    end[i] = t;
    conf[i] = c;
    length[i] = chars;
    value[i] = v;
  }

  /** The earliest start not yet taken, or {@code Long.MAX_VALUE}. */
  long oldest() {
    return head < tail ? start[head] : Long.MAX_VALUE;
  }

  /** Takes the hits that start before {@code frontier}: no later hit will. */
  void advance(long frontier) throws IOException {
    while (head < tail && start[head] < frontier) {
      take(head);
      value[head] = null;
      head++;
    }
    if (head == tail) {
      head = 0;
      tail = 0;
    }
    if (kept && keptEnd <= frontier) {
      kept = false;
      out.report(keptEntity, keptLine, keptColumn, keptConf, keptValue);
    }
  }

  private void take(int i) throws IOException {
    if (kept && start[i] < keptEnd) {
      if (!stronger(i)) {
        return;
      }
    } else if (kept) {
      out.report(keptEntity, keptLine, keptColumn, keptConf, keptValue);
    }
    counter.moveTo(start[i]);
    kept = true;
    keptEntity = entity[i];
    keptEnd = end[i];
    keptConf = conf[i];
    keptLength = length[i];
    keptValue = value[i];
    keptLine = counter.line;
    keptColumn = counter.column;
  }

  private boolean stronger(int x) {
    int c = conf[x].compareTo(keptConf);
    if (c != 0) {
      return c > 0;
    }
    int px = Hits.priority(entity[x]);
    int py = Hits.priority(keptEntity);
    if (px != py) {
      return px < py;
    }
    return length[x] > keptLength;
  }

  private void move(int from, int to) {
    entity[to] = entity[from];
    start[to] = start[from];
    end[to] = end[from];
    conf[to] = conf[from];
    length[to] = length[from];
    value[to] = value[from];
  }

  private void grow() {
    if (head > 0) {
      int n = tail - head;
      for (int i = 0; i < n; i++) {
        move(head + i, i);
      }
      Arrays.fill(value, n, tail, null);
      head = 0;
      tail = n;
      if (tail < start.length) {
        return;
      }
    }
    int n = start.length * 2;
    entity = Arrays.copyOf(entity, n);
    start = Arrays.copyOf(start, n);
    end = Arrays.copyOf(end, n);
    conf = Arrays.copyOf(conf, n);
    length = Arrays.copyOf(length, n);
    value = Arrays.copyOf(value, n);
  }
}
