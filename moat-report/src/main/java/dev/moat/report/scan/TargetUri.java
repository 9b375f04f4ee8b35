package dev.moat.report.scan;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code scheme://host:port} form of a scanned endpoint, used as the SARIF artifact URI and as
 * the target column elsewhere. The scheme is the service name ({@code redis://…}, {@code
 * docker-registry://…}), {@code tcp} for {@code unknown} or anything that is not a valid URI
 * scheme; IPv6 literals are bracketed.
 */
final class TargetUri {
  private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");

  private TargetUri() {}

  static String of(String service, String host, int port) {
    String s = service.toLowerCase(Locale.ROOT);
    String scheme = SCHEME.matcher(s).matches() && !"unknown".equals(s) ? s : "tcp";
    return scheme + "://" + hostPort(host, port);
  }

  static String hostPort(String host, int port) {
    return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }
}
