package dev.moat.audit;

import java.util.Base64;
import java.util.List;

/** An RFC 9162 consistency proof from the tree of {@code size1} leaves to that of {@code size2}. */
public record ConsistencyProof(long size1, long size2, List<byte[]> path) {
  /** Validates and copies. */
  public ConsistencyProof {
    if (size1 < 0 || size1 > size2) {
      throw new IllegalArgumentException("sizes must satisfy 0 <= " + size1 + " <= " + size2);
    }
    path = List.copyOf(path);
  }

  /** Checks this proof between two trusted roots. */
  public void verify(byte[] root1, byte[] root2) {
    Proofs.verifyConsistency(size1, size2, path, root1, root2);
  }

  /** The path as base64 strings. */
  public List<String> pathBase64() {
    return path.stream().map(h -> Base64.getEncoder().encodeToString(h)).toList();
  }
}
