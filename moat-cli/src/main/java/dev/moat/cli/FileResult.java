package dev.moat.cli;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one file.
 *
 * @param target the file
 * @param status scanned, skipped as binary, or unreadable
 * @param charset the detected encoding of a scanned file, else null
 * @param gzip whether it was gzip-compressed
 * @param counts matches per entity
 * @param matches total matches
 * @param error why an unreadable file could not be read, else null
 * @param spool the file's rendered matches when scanned in parallel, else null
 */
record FileResult(
    FileWalker.Target target,
    Status status,
    @Nullable String charset,
    boolean gzip,
    Map<String, Long> counts,
    long matches,
    @Nullable String error,
    @Nullable Spool spool) {

  enum Status {
    SCANNED,
    BINARY,
    UNREADABLE
  }

  FileResult {
    counts = Map.copyOf(counts);
  }
}
