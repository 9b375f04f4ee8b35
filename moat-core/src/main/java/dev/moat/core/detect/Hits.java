package dev.moat.core.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Growable list of raw hits (entity, span, confidence) for one scan. Overlapping hits are resolved
 * by {@link #resolve}: higher confidence first, then the stronger entity (resident ID over credit
 * code over bank card over IMEI over the rest), then the longer span, then the earlier start.
 */
final class Hits {
  private static final Map<String, Integer> PRIORITY =
      Map.of(
          Entities.CN_RESIDENT_ID, 0,
          Entities.CN_RESIDENT_ID_15, 1,
          Entities.CN_USCC, 2,
          Entities.BANK_CARD, 3,
          Entities.IMEI, 4,
          Entities.CN_MOBILE, 5,
          Entities.CN_LANDLINE, 6,
          Entities.SECRET_KEY, 7,
          Entities.EMAIL, 8);

  private String[] entity = new String[16];
  private int[] start = new int[16];
  private int[] end = new int[16];
  private Confidence[] conf = new Confidence[16];
  private int size;

  void add(String e, int s, int t, Confidence c) {
    if (size == start.length) {
      int n = size * 2;
      entity = Arrays.copyOf(entity, n);
      start = Arrays.copyOf(start, n);
      end = Arrays.copyOf(end, n);
      conf = Arrays.copyOf(conf, n);
    }
    entity[size] = e;
    start[size] = s;
    end[size] = t;
    conf[size] = c;
    size++;
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  String entity(int i) {
    return entity[i];
  }

  int start(int i) {
    return start[i];
  }

  int end(int i) {
    return end[i];
  }

  Confidence confidence(int i) {
    return conf[i];
  }

  /** Rank of {@code entity} when overlapping hits tie on confidence: lower wins. */
  static int priority(String entity) {
    return PRIORITY.getOrDefault(entity, 20);
  }

  /**
   * The non-overlapping hits in start order, as matches whose value is read from {@code text} and
   * whose offsets are shifted by {@code -base}.
   */
  List<Match> resolve(char[] text, int base) {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> start[x] != start[y] ? start[x] - start[y] : end[y] - end[x]);
    List<Integer> kept = new ArrayList<>();
    for (int idx : order) {
      int k = kept.isEmpty() ? -1 : kept.get(kept.size() - 1);
      if (k >= 0 && start[idx] < end[k]) {
        if (stronger(idx, k)) {
          kept.set(kept.size() - 1, idx);
        }
      } else {
        kept.add(idx);
      }
    }
    List<Match> out = new ArrayList<>(kept.size());
    for (int i : kept) {
      out.add(
          new Match(
              entity[i],
              start[i] - base,
              end[i] - base,
              conf[i],
              new String(text, start[i], end[i] - start[i])));
    }
    return out;
  }

  private boolean stronger(int x, int y) {
    int c = conf[x].compareTo(conf[y]);
    if (c != 0) {
      return c > 0;
    }
    int px = priority(entity[x]);
    int py = priority(entity[y]);
    if (px != py) {
      return px < py;
    }
    return end[x] - start[x] > end[y] - start[y];
  }
}
