package dev.moat.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Standard output as a {@code Writer} that reports a closed pipe. {@code PrintWriter} swallows
 * write errors; this one checks after each chunk and throws {@link Closed}, so that {@code moat
 * detect … | head} stops reading files once nobody reads its output.
 */
final class StdoutWriter extends Writer {
  /** Standard output can no longer be written. */
  static final class Closed extends IOException {
    private static final long serialVersionUID = 1L;

    Closed() {
      super("standard output closed");
    }
  }

  private final PrintWriter out;

  StdoutWriter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    out.write(cbuf, off, len);
    check();
  }

  @Override
  public void write(String str, int off, int len) throws IOException {
    out.write(str, off, len);
    check();
  }

  @Override
  public void flush() throws IOException {
    out.flush();
    check();
  }

  /** Flushes; standard output itself stays open for the caller. */
  @Override
  public void close() throws IOException {
    flush();
  }

  private void check() throws IOException {
    if (out.checkError()) {
      throw new Closed();
    }
  }
}
