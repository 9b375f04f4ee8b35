package dev.moat.core.mask;

/** Turns a raw value into its masked form. Implementations are immutable and thread-safe. */
@FunctionalInterface
public interface Masker {
  /** The masked form of {@code value}. */
  String mask(String value);
}
