package dev.moat.discover;

import java.util.Objects;

/**
 * Something that went wrong while sampling a source or one of its tables. The run goes on; the CLI
 * turns {@link Kind} into a sentence in the user's language and appends {@code detail}.
 *
 * @param where the source (with its password masked) or {@code schema.table}
 * @param kind what kind of failure
 * @param detail the driver's or system's own message, credentials masked
 */
public record Problem(String where, Kind kind, String detail) {

  /** Failure kinds, each with its own message text. */
  public enum Kind {
    /** Host unreachable, connection refused, file missing. */
    UNREACHABLE,
    /** Wrong user or password, or no permission to log in. */
    AUTH,
    /** A source string Moat does not know how to read. */
    UNSUPPORTED,
    /** A table, key or file could not be read (permission, bad data). */
    TABLE,
    /** A query ran out of time. */
    TIMEOUT,
    /** Any other failure. */
    OTHER
  }

  public Problem {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }
}
