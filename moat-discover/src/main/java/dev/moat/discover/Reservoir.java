package dev.moat.discover;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Uniform sample of at most {@code size} items from a stream of unknown length (Algorithm R). */
final class Reservoir<T> {
  private final int size;
  private final RandomGenerator random;
  private final List<T> items;
  private long seen;

  Reservoir(int size, RandomGenerator random) {
    this.size = size;
    this.random = random;
    this.items = new ArrayList<>(Math.min(size, 1024));
  }

  void offer(T item) {
    seen++;
    if (items.size() < size) {
      items.add(item);
    } else {
      long j = random.nextLong(seen);
      if (j < size) {
        items.set((int) j, item);
      }
    }
  }

  long seen() {
    return seen;
  }

  List<T> items() {
    return items;
  }
}
