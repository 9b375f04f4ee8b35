package dev.moat.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;

/**
 * Crash-safe small-file helpers (the Tessera POSIX pattern): write a temporary file, force it,
 * rename it into place atomically, then fsync the directory so the rename itself is durable.
 */
final class Storage {
  private Storage() {}

  /** Replaces {@code target} atomically with {@code data}. */
  static void writeAtomically(Path target, byte[] data) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.WRITE,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(java.nio.ByteBuffer.wrap(data));
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    fsyncDir(parent(target));
  }

  /** Creates {@code target} with mode 0600 holding {@code data}; fails if it exists. */
  static void writeSecret(Path target, byte[] data) throws IOException {
    Path dir = parent(target);
    Files.createDirectories(dir);
    Path tmp = dir.resolve(target.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
      ch.write(java.nio.ByteBuffer.wrap(data));
      ch.force(true);
    }
    if (Files.exists(target)) {
      Files.delete(tmp);
      throw new FileAlreadyExistsException(target.toString());
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    fsyncDir(dir);
  }

  /** Replaces {@code target} atomically with a new file of mode 0600 holding {@code data}. */
  static void replaceSecret(Path target, byte[] data) throws IOException {
    Path staged = target.resolveSibling(target.getFileName() + ".new");
    Files.deleteIfExists(staged);
    writeSecret(staged, data);
    Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    fsyncDir(parent(target));
  }

  static Path parent(Path p) {
    Path parent = p.toAbsolutePath().getParent();
    if (parent == null) {
      throw new IllegalArgumentException("no parent directory: " + p);
    }
    return parent;
  }

  /** Makes the directory entries of {@code dir} durable (Linux: fsync on a read-only handle). */
  static void fsyncDir(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (AccessDeniedException e) {
      // Some platforms refuse to open directories; their renames are durable by other means.
    }
  }
}
