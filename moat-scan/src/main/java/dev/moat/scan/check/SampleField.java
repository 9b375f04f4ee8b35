package dev.moat.scan.check;

import java.util.Objects;

/**
 * One sampled value, read from a target that let the scanner in. Raw: it never leaves the process;
 * {@link CheckContext#detect} turns samples into counts and masked examples.
 *
 * @param location where it was read, e.g. {@code db0 key user:1} or {@code crm.public.kehu}
 * @param field the field, column or key name (context for detection: {@code sfzh}, {@code mobile})
 * @param value the raw value
 */
public record SampleField(String location, String field, String value) {
  public SampleField {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    // Never print the raw value, not even in a debug log.
    return "SampleField[" + location + ", " + field + ", " + value.length() + " chars]";
  }
}
