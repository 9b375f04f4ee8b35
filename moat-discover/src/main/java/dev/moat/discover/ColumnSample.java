package dev.moat.discover;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Sampled values of one column, field or key group. Values are raw: mask them before they leave the
 * process.
 *
 * @param name column name, JSON field path ({@code user.phone}) or {@code *} for free text
 * @param type the database type name, if known
 * @param comment the column comment, if any (a hint as strong as the name)
 * @param values non-null, non-empty sampled values, each cut to {@link #MAX_VALUE_CHARS}
 */
public record ColumnSample(
    String name, @Nullable String type, @Nullable String comment, List<String> values) {

  /** Longest value kept; longer values are cut so that one huge cell cannot blow the memory. */
  public static final int MAX_VALUE_CHARS = 4096;

  public ColumnSample {
    Objects.requireNonNull(name, "name");
    values = List.copyOf(values);
  }

  /** The comment, if the source has one. */
  public Optional<String> commentText() {
    return Optional.ofNullable(comment);
  }

  /** Cuts {@code s} to {@link #MAX_VALUE_CHARS}. */
  static String cut(String s) {
    return s.length() <= MAX_VALUE_CHARS ? s : s.substring(0, MAX_VALUE_CHARS);
  }
}
