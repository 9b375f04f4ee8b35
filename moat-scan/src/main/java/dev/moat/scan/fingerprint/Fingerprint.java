package dev.moat.scan.fingerprint;

import dev.moat.scan.check.Identity;
import java.util.Objects;

/**
 * What fingerprinting found on one open port.
 *
 * @param identity the service, or {@link Identity#UNKNOWN}
 * @param tls true when the service was found inside TLS
 */
public record Fingerprint(Identity identity, boolean tls) {
  public Fingerprint {
    Objects.requireNonNull(identity, "identity");
  }
}
