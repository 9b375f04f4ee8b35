package dev.moat.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a Merkle tree: the roots of the perfect subtrees that make up the leaves {@code
 * [0, size)}, at most log₂ n hashes. Appending a leaf costs one hash plus one per subtree it
 * completes (amortised two); the root folds the edge from right to left.
 *
 * <p>Not thread-safe: the log's writer thread owns one; readers take a {@link #copy()}.
 */
public final class CompactRange {
  /** Subtree roots from the largest (leftmost) to the smallest (rightmost). */
  private final List<byte[]> nodes;

  private long size;
  private final MessageDigest md = Merkle.sha256();

  /** An empty range. */
  public CompactRange() {
    this(0, new ArrayList<>());
  }

  private CompactRange(long size, List<byte[]> nodes) {
    this.size = size;
    this.nodes = nodes;
  }

  /**
   * A range of {@code size} leaves from its subtree roots, largest first, one per set bit of size.
   */
  public static CompactRange of(long size, List<byte[]> nodes) {
    if (Long.bitCount(size) != nodes.size()) {
      throw new IllegalArgumentException(
          "a range of " + size + " leaves has " + Long.bitCount(size) + " nodes: " + nodes.size());
    }
    return new CompactRange(size, new ArrayList<>(nodes));
  }

  /** Leaves covered. */
  public long size() {
    return size;
  }

  /** A copy that can be used independently. */
  public CompactRange copy() {
    return new CompactRange(size, new ArrayList<>(nodes));
  }

  /**
   * Appends a leaf hash. {@code completed} is told, smallest first, of every perfect subtree this
   * leaf completes with its level (0 = the leaf itself) and index within that level.
   */
  public void append(byte[] leafHash, NodeSink completed) throws java.io.IOException {
    byte[] h = leafHash;
    long index = size;
    int level = 0;
    completed.node(0, index, h);
    // Every trailing one bit of the old size is a left sibling waiting for this subtree.
    while ((index & 1) == 1) {
      byte[] left = nodes.remove(nodes.size() - 1);
      h = Merkle.nodeHash(md, left, h);
      index >>>= 1;
      level++;
      completed.node(level, index, h);
    }
    nodes.add(h);
    size++;
  }

  /** Appends a leaf hash. */
  public void append(byte[] leafHash) {
    try {
      append(leafHash, NodeSink.NONE);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("the no-op sink cannot fail", e);
    }
  }

  /** The root of the tree of {@link #size()} leaves. */
  public byte[] root() {
    if (nodes.isEmpty()) {
      return Merkle.emptyRoot();
    }
    byte[] h = nodes.get(nodes.size() - 1);
    for (int i = nodes.size() - 2; i >= 0; i--) {
      h = Merkle.nodeHash(md, nodes.get(i), h);
    }
    return h;
  }

  /** Receives the perfect subtrees completed by an append. */
  @FunctionalInterface
  public interface NodeSink {
    /** Ignores everything. */
    NodeSink NONE = (level, index, hash) -> {};

    /** The subtree at {@code level}, {@code index} now has {@code hash}. */
    void node(int level, long index, byte[] hash) throws java.io.IOException;
  }
}
