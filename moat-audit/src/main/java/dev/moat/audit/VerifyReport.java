package dev.moat.audit;

import java.util.List;
import java.util.Optional;

/**
 * What {@link Verifier} found.
 *
 * @param entries records read and hashed
 * @param segments segment files read (live and archived)
 * @param checkpoints signed checkpoints whose signature and root matched
 * @param signedSize the largest checkpoint size that matched
 * @param problem the first integrity failure, naming the segment and entry; empty when intact
 * @param notes things worth knowing that are not failures (an unsigned tail, a torn tail)
 */
public record VerifyReport(
    long entries,
    int segments,
    int checkpoints,
    long signedSize,
    Optional<String> problem,
    List<String> notes) {
  /** Copies. */
  public VerifyReport {
    notes = List.copyOf(notes);
  }

  /** True when nothing was found wrong. */
  public boolean ok() {
    return problem.isEmpty();
  }
}
