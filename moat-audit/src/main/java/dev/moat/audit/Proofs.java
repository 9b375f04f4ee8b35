package dev.moat.audit;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Inclusion and consistency proofs: generation per RFC 6962 §2.1.1–2.1.2 (PATH, PROOF) over stored
 * perfect-subtree hashes, and verification per RFC 9162 §2.1.3.2 and §2.1.4.2.
 *
 * <p>Generation reads O(log n) stored nodes: every left sibling on a path is a perfect subtree, and
 * the only imperfect subtrees lie on the right edge, whose hash is folded from O(log n) perfect
 * ones. Verification checks every step and every length, and fails on any leftover or missing hash
 * (see the immudb advisory GHSA-672p-m5jq-mrh8 for what skipping steps costs).
 */
public final class Proofs {
  private Proofs() {}

  /** MTH(D[begin:end]) from perfect subtrees; O(log n) reads. */
  public static byte[] rangeHash(NodeReader nodes, long begin, long end) throws IOException {
    long n = end - begin;
    if (n <= 0) {
      throw new IllegalArgumentException("empty range [" + begin + ", " + end + ")");
    }
    if (Long.bitCount(n) == 1 && begin % n == 0) {
      return nodes.node(Long.numberOfTrailingZeros(n), begin / n);
    }
    long k = Merkle.split(n);
    return Merkle.nodeHash(rangeHash(nodes, begin, begin + k), rangeHash(nodes, begin + k, end));
  }

  /** The inclusion proof of leaf {@code index} in the tree of {@code size} leaves. */
  public static InclusionProof inclusion(NodeReader nodes, long index, long size)
      throws IOException {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("index " + index + " is outside a tree of size " + size);
    }
    List<byte[]> path = new ArrayList<>();
    path(nodes, index, 0, size, path);
    return new InclusionProof(index, size, path);
  }

  private static void path(NodeReader nodes, long m, long begin, long end, List<byte[]> out)
      throws IOException {
    long n = end - begin;
    if (n == 1) {
      return;
    }
    long k = Merkle.split(n);
    if (m < k) {
      path(nodes, m, begin, begin + k, out);
      out.add(rangeHash(nodes, begin + k, end));
    } else {
      path(nodes, m - k, begin + k, end, out);
      out.add(rangeHash(nodes, begin, begin + k));
    }
  }

  /** The consistency proof from the tree of {@code size1} leaves to that of {@code size2}. */
  public static ConsistencyProof consistency(NodeReader nodes, long size1, long size2)
      throws IOException {
    if (size1 < 0 || size1 > size2) {
      throw new IllegalArgumentException("sizes must satisfy 0 <= " + size1 + " <= " + size2);
    }
    List<byte[]> path = new ArrayList<>();
    if (size1 > 0 && size1 < size2) {
      subproof(nodes, size1, 0, size2, true, path);
    }
    return new ConsistencyProof(size1, size2, path);
  }

  private static void subproof(
      NodeReader nodes, long m, long begin, long end, boolean whole, List<byte[]> out)
      throws IOException {
    long n = end - begin;
    if (m == n) {
      if (!whole) {
        out.add(rangeHash(nodes, begin, end));
      }
      return;
    }
    long k = Merkle.split(n);
    if (m <= k) {
      subproof(nodes, m, begin, begin + k, whole, out);
      out.add(rangeHash(nodes, begin + k, end));
    } else {
      subproof(nodes, m - k, begin + k, end, false, out);
      out.add(rangeHash(nodes, begin, begin + k));
    }
  }

  /**
   * Verifies an inclusion proof (RFC 9162 §2.1.3.2).
   *
   * @throws ProofException naming the reason when the proof does not show {@code leafHash} at
   *     {@code index} in the tree of {@code size} leaves with {@code root}
   */
  public static void verifyInclusion(
      long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
    if (index < 0 || index >= size) {
      throw new ProofException("index " + index + " is outside a tree of size " + size);
    }
    checkLengths(path, leafHash, root);
    byte[] r = rootFromInclusion(index, size, leafHash, path);
    if (!MessageDigest.isEqual(r, root)) {
      throw new ProofException("inclusion proof leads to a different root");
    }
  }

  private static byte[] rootFromInclusion(
      long index, long size, byte[] leafHash, List<byte[]> path) {
    MessageDigest md = Merkle.sha256();
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : path) {
      if (sn == 0) {
        throw new ProofException("inclusion proof is too long");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = Merkle.nodeHash(md, p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = Merkle.nodeHash(md, r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new ProofException("inclusion proof is too short");
    }
    return r;
  }

  /**
   * Verifies a consistency proof (RFC 9162 §2.1.4.2): the tree of {@code size1} leaves with {@code
   * root1} is a prefix of the tree of {@code size2} leaves with {@code root2}.
   *
   * @throws ProofException naming the reason when it is not shown
   */
  public static void verifyConsistency(
      long size1, long size2, List<byte[]> path, byte[] root1, byte[] root2) {
    if (size1 < 0 || size2 < size1) {
      throw new ProofException("tree shrank from " + size1 + " to " + size2 + " leaves");
    }
    checkLengths(path, root1, root2);
    if (size1 == size2) {
      if (!path.isEmpty()) {
        throw new ProofException("proof between equal sizes must be empty");
      }
      if (!MessageDigest.isEqual(root1, root2)) {
        throw new ProofException("roots differ at equal size " + size1);
      }
      return;
    }
    if (size1 == 0) {
      if (!path.isEmpty()) {
        throw new ProofException("proof from the empty tree must be empty");
      }
      return;
    }
    if (path.isEmpty()) {
      throw new ProofException("consistency proof is empty");
    }
    List<byte[]> p = new ArrayList<>(path);
    if (Long.bitCount(size1) == 1) {
      p.add(0, root1);
    }
    MessageDigest md = Merkle.sha256();
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = p.get(0);
    byte[] sr = p.get(0);
    for (byte[] c : p.subList(1, p.size())) {
      if (sn == 0) {
        throw new ProofException("consistency proof is too long");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = Merkle.nodeHash(md, c, fr);
        sr = Merkle.nodeHash(md, c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = Merkle.nodeHash(md, sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new ProofException("consistency proof is too short");
    }
    if (!MessageDigest.isEqual(fr, root1)) {
      throw new ProofException("consistency proof does not lead to the first root");
    }
    if (!MessageDigest.isEqual(sr, root2)) {
      throw new ProofException("consistency proof does not lead to the second root");
    }
  }

  private static void checkLengths(List<byte[]> path, byte[] a, byte[] b) {
    if (a.length != Merkle.HASH_LEN || b.length != Merkle.HASH_LEN) {
      throw new ProofException("hashes must be " + Merkle.HASH_LEN + " bytes");
    }
    for (byte[] h : path) {
      if (h.length != Merkle.HASH_LEN) {
        throw new ProofException("proof hash of " + h.length + " bytes: " + Arrays.toString(h));
      }
    }
  }

  /** A proof that did not verify. */
  public static final class ProofException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProofException(String message) {
      super(message);
    }
  }
}
