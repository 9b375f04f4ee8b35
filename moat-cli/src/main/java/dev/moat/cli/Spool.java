package dev.moat.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Holds one file's rendered output while other files are still being scanned, so that parallel runs
 * print files in a fixed order. Stays in memory up to {@value #MEMORY_CHARS} chars, then spills to
 * a temporary file: a file with millions of matches costs disk, not heap.
 *
 * <p>Written by one worker thread, then read and closed by the thread that prints; the hand-off
 * goes through a {@code Future}, which orders the two.
 */
final class Spool extends Writer {
  static final int MEMORY_CHARS = 1 << 20;

  private final StringBuilder memory = new StringBuilder();
  private @Nullable Path file;
  private @Nullable Writer spill;

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    Writer s = spill;
    if (s == null && memory.length() + len > MEMORY_CHARS) {
      Path f = Files.createTempFile("moat-detect-", ".spool");
      file = f;
      s = Files.newBufferedWriter(f, StandardCharsets.UTF_8);
      s.append(memory);
      memory.setLength(0);
      memory.trimToSize();
      spill = s;
    }
    if (s != null) {
      s.write(cbuf, off, len);
    } else {
      memory.append(cbuf, off, len);
    }
  }

  @Override
  public void write(String str, int off, int len) throws IOException {
    Writer s = spill;
    if (s != null) {
      s.write(str, off, len);
    } else if (memory.length() + len <= MEMORY_CHARS) {
      memory.append(str, off, off + len);
    } else {
      write(str.toCharArray(), off, len);
    }
  }

  /** The spill file, while there is one. */
  @Nullable Path spillFile() {
    return file;
  }

  /** Copies everything written to {@code out}. */
  void transferTo(Writer out) throws IOException {
    Writer s = spill;
    Path f = file;
    if (s == null || f == null) {
      out.append(memory);
      return;
    }
    s.flush();
    try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      r.transferTo(out);
    }
  }

  @Override
  public void flush() throws IOException {
    Writer s = spill;
    if (s != null) {
      s.flush();
    }
  }

  /** Releases memory and deletes the spill file. */
  @Override
  public void close() throws IOException {
    memory.setLength(0);
    Writer s = spill;
    Path f = file;
    spill = null;
    file = null;
    try {
      if (s != null) {
        s.close();
      }
    } finally {
      if (f != null) {
        Files.deleteIfExists(f);
      }
    }
  }
}
