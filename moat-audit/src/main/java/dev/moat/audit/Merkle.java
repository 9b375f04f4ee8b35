package dev.moat.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * RFC 6962 / RFC 9162 tree hashing with domain separation: a leaf is {@code SHA-256(0x00 || d)}, an
 * interior node {@code SHA-256(0x01 || left || right)}, the empty tree {@code SHA-256()}.
 *
 * <p>Stateless; every method takes its own {@link MessageDigest} so callers on different threads
 * never share one.
 */
public final class Merkle {
  /** Hash length in bytes. */
  public static final int HASH_LEN = 32;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  private Merkle() {}

  /** A new SHA-256 digest; the JDK always provides it. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** The hash of the empty tree. */
  public static byte[] emptyRoot() {
    return sha256().digest();
  }

  /** {@code SHA-256(0x00 || data)}. */
  public static byte[] leafHash(byte[] data) {
    return leafHash(sha256(), data, 0, data.length);
  }

  /** {@code SHA-256(0x00 || data[off, off+len))} using {@code md}. */
  public static byte[] leafHash(MessageDigest md, byte[] data, int off, int len) {
    md.reset();
    md.update(LEAF_PREFIX);
    md.update(data, off, len);
    return md.digest();
  }

  /** {@code SHA-256(0x01 || left || right)}. */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    return nodeHash(sha256(), left, right);
  }

  /** {@code SHA-256(0x01 || left || right)} using {@code md}. */
  public static byte[] nodeHash(MessageDigest md, byte[] left, byte[] right) {
    md.reset();
    md.update(NODE_PREFIX);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  /** The Merkle Tree Hash of a list of leaf hashes (RFC 6962 §2.1), O(n). */
  public static byte[] root(List<byte[]> leafHashes) {
    CompactRange r = new CompactRange();
    for (byte[] h : leafHashes) {
      r.append(h);
    }
    return r.root();
  }

  /** The largest power of two strictly less than {@code n} (n ≥ 2). */
  static long split(long n) {
    return Long.highestOneBit(n - 1);
  }
}
