package dev.moat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small file and process helpers the server fixtures share: temp dirs, config files, tools. */
public final class ServerFiles {
  private ServerFiles() {}

  /** A fresh temporary directory named after {@code name}. */
  public static Path tempDir(String name) {
    try {
      return Files.createTempDirectory("moat-" + name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code text} to {@code file}, creating parent directories; returns the file. */
  public static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets POSIX permissions such as {@code rw-------} on {@code file}. */
  public static Path chmod(Path file, String perms) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fails with a clear message when {@code executable} is missing: CI installs every Debian package
   * of {@code dev/packages.txt}, so a missing binary is a setup error, not a reason to skip.
   */
  public static void require(String executable, String debianPackage) {
    if (!LocalServer.installed(executable)) {
      throw new IllegalStateException(
          executable
              + " not found: install the Debian package "
              + debianPackage
              + " (listed in dev/packages.txt)");
    }
  }

  /**
   * Runs a short setup command to completion and returns its output.
   *
   * @throws IllegalStateException when it fails or outlives {@code timeout}
   */
  public static String run(Duration timeout, List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      String out =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IllegalStateException(command + " exited with " + p.exitValue() + ": " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + command, e);
    }
  }
}
