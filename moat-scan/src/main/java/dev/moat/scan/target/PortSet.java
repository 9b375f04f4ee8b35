package dev.moat.scan.target;

import java.util.BitSet;
import java.util.Collection;
import java.util.stream.IntStream;

/**
 * A set of TCP ports, parsed from {@code 22,80,1000-2000} or {@code -} (all of 1–65535). Backed by
 * a bit set: 8 KiB whatever the list.
 */
public final class PortSet {
  private final BitSet bits;
  private final int size;

  private PortSet(BitSet bits) {
    this.bits = bits;
    this.size = bits.cardinality();
  }

  /** Every port, 1–65535. */
  public static PortSet all() {
    BitSet b = new BitSet(65536);
    b.set(1, 65536);
    return new PortSet(b);
  }

  /** Exactly {@code ports}. */
  public static PortSet of(Collection<Integer> ports) {
    BitSet b = new BitSet(65536);
    for (int p : ports) {
      check(p, String.valueOf(p));
      b.set(p);
    }
    return new PortSet(b);
  }

  /**
   * Parses a port list: comma-separated ports and ranges {@code a-b}; {@code -} or {@code 1-65535}
   * for all.
   *
   * @throws IllegalArgumentException naming the bad element
   */
  public static PortSet parse(String spec) {
    String s = spec.trim();
    if (s.equals("-")) {
      return all();
    }
    if (s.isEmpty()) {
      throw new TargetException("ports.empty");
    }
    BitSet b = new BitSet(65536);
    for (String part : s.split(",")) {
      String p = part.trim();
      int dash = p.indexOf('-');
      if (dash < 0) {
        int port = number(p);
        b.set(port);
      } else {
        int lo = dash == 0 ? 1 : number(p.substring(0, dash));
        int hi = dash == p.length() - 1 ? 65535 : number(p.substring(dash + 1));
        if (lo > hi) {
          throw new TargetException("ports.down", p);
        }
        b.set(lo, hi + 1);
      }
    }
    return new PortSet(b);
  }

  private static int number(String s) {
    int p;
    try {
      p = Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new TargetException(e, "port.number", s);
    }
    check(p, s);
    return p;
  }

  private static void check(int p, String s) {
    if (p < 1 || p > 65535) {
      throw new TargetException("port.number", s);
    }
  }

  /** Number of ports. */
  public int size() {
    return size;
  }

  /** True when {@code port} is in the set. */
  public boolean contains(int port) {
    return port >= 1 && port <= 65535 && bits.get(port);
  }

  /** The ports, ascending. */
  public IntStream stream() {
    return bits.stream();
  }

  /** The next port at or after {@code from}, or -1. */
  int next(int from) {
    return from > 65535 ? -1 : bits.nextSetBit(from);
  }

  @Override
  public String toString() {
    return "PortSet[" + size + " ports]";
  }
}
