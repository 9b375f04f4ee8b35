package dev.moat.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.zip.CRC32C;

/**
 * Streams the records of one segment through a callback without allocating per record. Stops at the
 * first frame that is truncated or fails its CRC and reports where, so recovery can tell a torn
 * tail from damage.
 *
 * <p>Not thread-safe; one reader per pass.
 */
final class SegmentReader {
  private final ReadableByteChannel in;
  private final String segment;
  private ByteBuffer buf = ByteBuffer.allocate(4 << 20);
  private final CRC32C crc = new CRC32C();
  private long consumed;
  private boolean eof;

  SegmentReader(ReadableByteChannel in, String segment) {
    this.in = in;
    this.segment = segment;
    buf.limit(0);
  }

  /** Receives one record; {@code body} holds index, time and payload at {@code off}. */
  interface RecordSink {
    void record(long index, long micros, byte[] body, int off, int len, long fileOffset)
        throws IOException;
  }

  /** Reads the header and returns the first index it declares. */
  long header() throws IOException {
    if (!fill(SegmentFormat.HEADER_LEN)) {
      throw new AuditException(segment + ": header is truncated");
    }
    byte[] h = new byte[SegmentFormat.HEADER_LEN];
    buf.get(h);
    consumed += h.length;
    return SegmentFormat.parseHeader(h, segment);
  }

  /**
   * Streams records until the end or the first bad frame.
   *
   * @return the file offset just after the last good record, and why it stopped
   */
  End records(RecordSink sink) throws IOException {
    while (true) {
      long frameAt = consumed;
      if (!fill(4)) {
        return new End(frameAt, buf.hasRemaining() ? "truncated record length" : null);
      }
      int len = buf.getInt(buf.position());
      if (len < SegmentFormat.BODY_PREFIX || len > SegmentFormat.MAX_EVENT + 64) {
        return new End(frameAt, "bad record length " + len);
      }
      int frame = len + SegmentFormat.FRAME_OVERHEAD;
      if (!fill(frame)) {
        return new End(frameAt, "truncated record");
      }
      byte[] a = buf.array();
      int p = buf.arrayOffset() + buf.position();
      crc.reset();
      crc.update(a, p, 4 + len);
      if (ByteBuffer.wrap(a, p + 4 + len, 4).getInt() != (int) crc.getValue()) {
        return new End(frameAt, "checksum mismatch");
      }
      ByteBuffer body = ByteBuffer.wrap(a, p + 4, len);
      sink.record(body.getLong(), body.getLong(), a, p + 4, len, frameAt);
      buf.position(buf.position() + frame);
      consumed += frame;
    }
  }

  /** Ensures {@code n} bytes are buffered; false at end of input with fewer. */
  private boolean fill(int n) throws IOException {
    if (buf.remaining() >= n) {
      return true;
    }
    if (n > buf.capacity()) {
      ByteBuffer bigger = ByteBuffer.allocate(Integer.highestOneBit(n) * 2);
      bigger.put(buf).flip();
      buf = bigger;
    }
    buf.compact();
    while (buf.position() < n && !eof) {
      int r = in.read(buf);
      if (r < 0) {
        eof = true;
      }
    }
    buf.flip();
    return buf.remaining() >= n;
  }

  /**
   * Where reading stopped: {@code goodEnd} is the offset after the last good record; {@code
   * problem} is null at a clean end.
   */
  record End(long goodEnd, @org.jspecify.annotations.Nullable String problem) {}
}
