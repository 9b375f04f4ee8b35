package dev.moat.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jspecify.annotations.Nullable;

/**
 * An output file that appears complete or not at all: written to a temporary file next to the
 * target, then moved over it. If the run fails, {@link #close()} without {@link #commit()} deletes
 * the temporary file and leaves any previous target untouched.
 */
final class AtomicOutput implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final Writer writer;
  private boolean committed;

  private AtomicOutput(Path target, Path temp, Writer writer) {
    this.target = target;
    this.temp = temp;
    this.writer = writer;
  }

  /**
   * Creates the temporary file in the target's directory (so the move stays on one file system).
   */
  static AtomicOutput open(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    @Nullable Path dir = abs.getParent();
    Path temp =
        Files.createTempFile(
            dir == null ? Path.of(".") : dir, "." + abs.getFileName() + ".", ".tmp");
    Writer w =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16);
    return new AtomicOutput(abs, temp, w);
  }

  Writer writer() {
    return writer;
  }

  /** Flushes, closes and moves the temporary file over the target. */
  void commit() throws IOException {
    writer.close();
    install(temp, target);
    committed = true;
  }

  /**
   * Puts a finished temporary file in place of {@code target}. A target that exists but is not a
   * regular file ({@code /dev/null}, {@code /dev/stdout}, a FIFO) is written through instead:
   * moving over it would replace the device with a plain file.
   */
  static void install(Path temp, Path target) throws IOException {
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      try (OutputStream out = Files.newOutputStream(target)) {
        Files.copy(temp, out);
      }
      Files.deleteIfExists(temp);
      return;
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes the temporary file unless committed. */
  @Override
  public void close() throws IOException {
    if (!committed) {
      try {
        writer.close();
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }
}
