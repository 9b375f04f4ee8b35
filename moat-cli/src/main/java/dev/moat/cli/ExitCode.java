package dev.moat.cli;

/** Exit codes shared by every command (DESIGN.md). */
public final class ExitCode {
  /** Success with nothing to flag. */
  public static final int OK = 0;

  /** The command's negative verdict: findings at or above the threshold, verification failed. */
  public static final int FLAGGED = 1;

  /** Usage or configuration error. */
  public static final int USAGE = 2;

  /** Runtime failure: nothing could be done. */
  public static final int RUNTIME = 3;

  private ExitCode() {}
}
