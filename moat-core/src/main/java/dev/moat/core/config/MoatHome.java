package dev.moat.core.config;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Moat's per-user directory, {@code ~/.moat}: the user config ({@code config.yaml}) and, later,
 * local state. It is private to the user: when Moat creates it, it does so with mode 0700 in one
 * step, so there is no moment where it is readable by others.
 */
public final class MoatHome {
  /** The user config file's name inside the directory. */
  public static final String CONFIG_FILE = "config.yaml";

  private MoatHome() {}

  /** {@code userHome/.moat}, without creating it. */
  public static Path dir(Path userHome) {
    return userHome.resolve(".moat");
  }

  /**
   * Returns {@code userHome/.moat}, creating it with mode 0700 if it does not exist. An existing
   * directory is left as it is: its mode was chosen by the user.
   *
   * @throws IOException if it cannot be created, or exists and is not a directory
   */
  public static Path ensure(Path userHome) throws IOException {
    Path dir = dir(userHome);
    if (Files.isDirectory(dir)) {
      return dir;
    }
    try {
      if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(dir);
      }
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
    return dir;
  }
}
