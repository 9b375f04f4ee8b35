package dev.moat.core;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One open port and what Moat recognised on it (an element of the services list in scan JSON).
 *
 * @param service service name such as {@code redis}, or {@code unknown}
 * @param product product name such as {@code Redis}, if known
 * @param version product version, if known
 */
public record ServiceInfo(
    String host,
    int port,
    String service,
    @Nullable String product,
    @Nullable String version,
    boolean tls,
    Auth auth) {

  public ServiceInfo {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(auth, "auth");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be in 1..65535: " + port);
    }
  }

  /** The product name, if known. */
  public Optional<String> productName() {
    return Optional.ofNullable(product);
  }

  /** The version, if known. */
  public Optional<String> productVersion() {
    return Optional.ofNullable(version);
  }
}
