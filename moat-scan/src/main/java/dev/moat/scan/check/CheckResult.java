package dev.moat.scan.check;

import dev.moat.core.Auth;
import dev.moat.core.Finding;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one check saw on one port.
 *
 * @param identity a refined identity (product, version, or a more precise service such as {@code
 *     elasticsearch} on an {@code http} port), or null to keep the fingerprint's
 * @param auth what the service demands; {@link Auth#UNKNOWN} when the check could not tell
 * @param findings the problems found; empty for a locked service
 */
public record CheckResult(@Nullable Identity identity, Auth auth, List<Finding> findings) {

  public CheckResult {
    Objects.requireNonNull(auth, "auth");
    findings = List.copyOf(findings);
    if (auth == Auth.REQUIRED && !findings.isEmpty()) {
      throw new IllegalArgumentException(
          "a service that requires credentials has no finding: " + findings);
    }
  }

  /** The check does not apply to this port (not the product it checks). */
  public static CheckResult notApplicable() {
    return new CheckResult(null, Auth.UNKNOWN, List.of());
  }

  /** The service requires credentials and none of the defaults worked: no finding. */
  public static CheckResult locked(Identity identity) {
    return new CheckResult(identity, Auth.REQUIRED, List.of());
  }

  /** The check recognised the product but could not tell whether it is locked. */
  public static CheckResult undetermined(Identity identity) {
    return new CheckResult(identity, Auth.UNKNOWN, List.of());
  }

  /** The service is open ({@link Auth#NONE} or {@link Auth#DEFAULT_CREDENTIALS}). */
  public static CheckResult open(Identity identity, Auth auth, List<Finding> findings) {
    return new CheckResult(identity, auth, findings);
  }

  /** The refined identity, if the check gave one. */
  public Optional<Identity> refinedIdentity() {
    return Optional.ofNullable(identity);
  }
}
