package dev.moat.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of a segment file (all integers big-endian).
 *
 * <pre>
 * header (32 bytes): magic "MOATLOG1" | u64 first index | i64 created (µs since epoch)
 *                    | u32 format version (1) | u32 CRC32C of the previous 28 bytes
 * record:            u32 body length | body | u32 CRC32C of (length || body)
 * body:              u64 index | i64 time (µs since epoch) | UTF-8 JSON object
 * </pre>
 *
 * The Merkle leaf of a record is {@code SHA-256(0x00 || body)}: the index and time are inside the
 * leaf, so moving a record to another position changes the tree. The CRC only detects torn writes
 * and bit rot quickly; integrity comes from the tree.
 */
final class SegmentFormat {
  static final int HEADER_LEN = 32;
  static final int FRAME_OVERHEAD = 8;
  static final int BODY_PREFIX = 16;
  static final int MAX_EVENT = 1 << 20;
  static final String PREFIX = "seg-";
  static final String SUFFIX = ".log";
  private static final byte[] MAGIC = "MOATLOG1".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;

  private SegmentFormat() {}

  static String name(long firstIndex) {
    return String.format("%s%020d%s", PREFIX, firstIndex, SUFFIX);
  }

  /** The first index a segment file name claims, if it is a segment name. */
  static Optional<Long> firstIndexOf(String fileName) {
    String n = fileName.endsWith(".gz") ? fileName.substring(0, fileName.length() - 3) : fileName;
    if (!n.startsWith(PREFIX) || !n.endsWith(SUFFIX) || n.length() != 28) {
      return Optional.empty();
    }
    String digits = n.substring(PREFIX.length(), n.length() - SUFFIX.length());
    return digits.chars().allMatch(Character::isDigit)
        ? Optional.of(Long.parseLong(digits))
        : Optional.empty();
  }

  static ByteBuffer header(long firstIndex, long createdMicros) {
    ByteBuffer b = ByteBuffer.allocate(HEADER_LEN);
    b.put(MAGIC).putLong(firstIndex).putLong(createdMicros).putInt(VERSION);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, 28);
    b.putInt((int) crc.getValue());
    return b.flip();
  }

  /**
   * The first index in a header, or a reason it is bad.
   *
   * @throws AuditException when the header is malformed
   */
  static long parseHeader(byte[] h, String segment) {
    if (h.length < HEADER_LEN) {
      throw new AuditException(segment + ": header is truncated");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (h[i] != MAGIC[i]) {
        throw new AuditException(segment + ": not a Moat audit segment (bad magic)");
      }
    }
    CRC32C crc = new CRC32C();
    crc.update(h, 0, 28);
    ByteBuffer b = ByteBuffer.wrap(h);
    if (b.getInt(28) != (int) crc.getValue()) {
      throw new AuditException(segment + ": header checksum mismatch");
    }
    if (b.getInt(24) != VERSION) {
      throw new AuditException(segment + ": unsupported format version " + b.getInt(24));
    }
    return b.getLong(8);
  }
}
