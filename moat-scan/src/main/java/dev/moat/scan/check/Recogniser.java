package dev.moat.scan.check;

/**
 * Decides from the first bytes a port sent whether it is one service. Called again each time more
 * bytes arrive (with all bytes so far), until it returns a {@link Recognition.Match} or a {@link
 * Recognition.NoMatch}, the peer closes, or the probe's time runs out. Implementations are pure
 * functions of the bytes: no I/O, no state, thread-safe.
 */
@FunctionalInterface
public interface Recogniser {
  /**
   * The verdict on {@code data[0..length)}.
   *
   * @param closed true when the peer closed the connection after these bytes (no more will come)
   */
  Recognition recognise(byte[] data, int length, boolean closed);
}
