package dev.moat.cli;

import org.jspecify.annotations.Nullable;

/**
 * An error the user can act on: its message is already localised and is printed as one line, with
 * no stack trace unless {@code --debug}.
 */
public final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  private UserException(String message, int exitCode, @Nullable Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A usage or configuration error (exit 2) with a message from the bundle. */
  public static UserException usage(String key, Object... args) {
    return new UserException(Messages.get(key, args), ExitCode.USAGE, null);
  }

  /** A runtime failure (exit 3) with a message from the bundle. */
  public static UserException runtime(String key, Object... args) {
    return new UserException(Messages.get(key, args), ExitCode.RUNTIME, null);
  }

  /** A runtime failure (exit 3) that keeps its cause for {@code --debug}. */
  public static UserException runtime(Throwable cause, String key, Object... args) {
    return new UserException(Messages.get(key, args), ExitCode.RUNTIME, cause);
  }

  /** The exit code this error maps to. */
  public int exitCode() {
    return exitCode;
  }
}
