package dev.moat.scan.target;

import java.net.InetAddress;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One address and port to sweep.
 *
 * @param host the host as reported: the name the user gave, or the address literal
 * @param address the address connected to
 * @param port the port
 * @param hint {@code http} or {@code https} when the target was a URL, else null
 */
public record Endpoint(String host, InetAddress address, int port, @Nullable String hint) {
  public Endpoint {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(address, "address");
    if (port < 1 || port > 65535) {
      throw new TargetException("port.range", String.valueOf(port));
    }
  }
}
