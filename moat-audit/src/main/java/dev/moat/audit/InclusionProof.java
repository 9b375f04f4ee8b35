package dev.moat.audit;

import java.util.Base64;
import java.util.List;

/**
 * An RFC 9162 inclusion proof: the audit path of leaf {@code index} in the tree of {@code size}
 * leaves, sibling hashes from the leaf upward.
 */
public record InclusionProof(long index, long size, List<byte[]> path) {
  /** Validates and copies. */
  public InclusionProof {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("index " + index + " outside tree size " + size);
    }
    path = List.copyOf(path);
  }

  /** Checks this proof against {@code leafHash} and a trusted {@code root}. */
  public void verify(byte[] leafHash, byte[] root) {
    Proofs.verifyInclusion(index, size, leafHash, path, root);
  }

  /** The path as base64 strings. */
  public List<String> pathBase64() {
    return path.stream().map(h -> Base64.getEncoder().encodeToString(h)).toList();
  }
}
