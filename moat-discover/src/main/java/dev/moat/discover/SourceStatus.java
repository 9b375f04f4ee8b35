package dev.moat.discover;

import java.util.Objects;

/**
 * How reading one source went: {@code ok} (maybe with some tables failing, named in {@code
 * message}) or {@code error} when nothing could be read.
 *
 * @param message in the user's language; empty when all went well
 */
public record SourceStatus(String source, boolean ok, String message) {
  public SourceStatus {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
  }

  /** {@code ok} or {@code error}, as in JSON. */
  public String status() {
    return ok ? "ok" : "error";
  }
}
