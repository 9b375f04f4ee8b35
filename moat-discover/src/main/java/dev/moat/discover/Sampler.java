package dev.moat.discover;

/**
 * Reads a bounded sample of every table (key group, file) of one source. Implementations never
 * write to the source, bound every query in rows and time, and report failures as {@link Problem}s
 * instead of throwing, so that one bad table does not stop the run.
 */
public interface Sampler {

  /** The source as the user wrote it, with any password masked: safe to print and store. */
  String displayName();

  /**
   * Samples the source within {@code limits}.
   *
   * <p>Throws nothing for I/O failures: a source that cannot be reached gives a result with no
   * tables and one problem. Restores the interrupt flag and returns what it has if interrupted.
   */
  SampleResult sample(SampleLimits limits);
}
