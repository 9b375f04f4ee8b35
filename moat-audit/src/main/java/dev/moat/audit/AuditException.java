package dev.moat.audit;

/**
 * The log cannot do what was asked: the directory is locked by another writer, a file is corrupt,
 * an input is malformed, or an earlier write failed and the log has closed itself (fail closed).
 */
public class AuditException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message that names the file, entry or value at fault. */
  public AuditException(String message) {
    super(message);
  }

  /** With a cause. */
  public AuditException(String message, Throwable cause) {
    super(message, cause);
  }
}
