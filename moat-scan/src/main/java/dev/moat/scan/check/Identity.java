package dev.moat.scan.check;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What is listening on a port, as far as fingerprinting (or a check) could tell.
 *
 * @param service service name of the scan JSON contract ({@code redis}, {@code http}, {@code
 *     unknown} …)
 * @param product product name such as {@code Redis} or {@code MariaDB}, if known
 * @param version product version, if known
 */
public record Identity(String service, @Nullable String product, @Nullable String version) {

  /** A port that is open but not recognised. */
  public static final Identity UNKNOWN = new Identity("unknown", null, null);

  public Identity {
    Objects.requireNonNull(service, "service");
    if (service.isBlank()) {
      throw new IllegalArgumentException("service must not be blank");
    }
  }

  /** An identity with only the service name. */
  public static Identity of(String service) {
    return new Identity(service, null, null);
  }

  /** An identity with service, product and (possibly unknown) version. */
  public static Identity of(String service, String product, @Nullable String version) {
    return new Identity(service, product, version);
  }

  /** The product name, if known. */
  public Optional<String> productName() {
    return Optional.ofNullable(product);
  }

  /** The version, if known. */
  public Optional<String> productVersion() {
    return Optional.ofNullable(version);
  }

  /** This identity with a version filled in (keeps this one's if {@code v} is null). */
  public Identity withVersion(@Nullable String v) {
    return v == null ? this : new Identity(service, product, v);
  }

  /** True for {@link #UNKNOWN}'s service name. */
  public boolean unknown() {
    return service.equals(UNKNOWN.service());
  }
}
