package dev.moat.audit;

import java.io.IOException;

/** Reads the hash of a perfect subtree: {@code level} 0 is a leaf, level k covers 2^k leaves. */
@FunctionalInterface
public interface NodeReader {
  /** The hash of the subtree at {@code level} with {@code index} within that level. */
  byte[] node(int level, long index) throws IOException;
}
