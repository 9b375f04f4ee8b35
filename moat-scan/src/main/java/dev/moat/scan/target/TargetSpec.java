package dev.moat.scan.target;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One target as the user wrote it, parsed into a contiguous address range (one address for a host)
 * and an optional fixed port.
 *
 * <p>Accepted: {@code 10.0.0.5}, {@code db.internal}, {@code 10.0.0.0/24}, {@code 2001:db8::/120},
 * {@code 10.0.0.1-20}, {@code 10.0.0.1-10.0.0.20}, {@code 10.0.0.5:6379}, {@code [::1]:6379},
 * {@code http://host[:port]/…}, {@code https://…}. A name is resolved once, to one address: scope
 * is what the user gave, never what DNS adds.
 *
 * @param source the text as given
 * @param name the host name for a named target, else null (ranges are labelled by address)
 * @param first first address of the range, as an unsigned integer
 * @param last last address, inclusive
 * @param v6 true for IPv6
 * @param port the fixed port ({@code host:port}, URL), or 0 to use the scan's port set
 * @param hint {@code http}/{@code https} for URLs, else null
 */
public record TargetSpec(
    String source,
    @Nullable String name,
    BigInteger first,
    BigInteger last,
    boolean v6,
    int port,
    @Nullable String hint) {

  /** The largest IPv6 block accepted: a /96 (2^32 addresses), walked lazily. */
  static final int MIN_V6_PREFIX = 96;

  private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern NAME =
      Pattern.compile(
          "(?i)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\\.?");

  public TargetSpec {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (first.compareTo(last) > 0) {
      throw new TargetException("range.down", source);
    }
    if (port < 0 || port > 65535) {
      throw new TargetException("port.range", source);
    }
  }

  /** Number of addresses. */
  public BigInteger size() {
    return last.subtract(first).add(BigInteger.ONE);
  }

  /** True when {@code address} lies in this range. */
  public boolean contains(InetAddress address) {
    boolean isV6 = address.getAddress().length == 16;
    if (isV6 != v6) {
      return false;
    }
    BigInteger a = new BigInteger(1, address.getAddress());
    return a.compareTo(first) >= 0 && a.compareTo(last) <= 0;
  }

  /**
   * Parses one target.
   *
   * @throws IllegalArgumentException naming the target and what is wrong with it
   */
  public static TargetSpec parse(String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      throw new TargetException("target.empty");
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return url(s, lower.startsWith("https://") ? "https" : "http");
    }
    if (s.contains("/")) {
      return cidr(s);
    }
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw new TargetException("bracket", s);
      }
      String host = s.substring(1, close);
      String rest = s.substring(close + 1);
      int port = rest.isEmpty() ? 0 : port(s, rest.startsWith(":") ? rest.substring(1) : rest);
      return single(s, host, port, null);
    }
    int colons = (int) s.chars().filter(c -> c == ':').count();
    if (colons == 1) {
      int i = s.indexOf(':');
      return single(s, s.substring(0, i), port(s, s.substring(i + 1)), null);
    }
    if (colons == 0 && s.contains("-") && V4.matcher(s.substring(0, s.indexOf('-'))).matches()) {
      return range(s);
    }
    return single(s, s, 0, null);
  }

  private static TargetSpec url(String s, String scheme) {
    URI uri;
    try {
      uri = new URI(s);
    } catch (URISyntaxException e) {
      throw new TargetException(e, "url.invalid", s);
    }
    String host = uri.getHost();
    if (host == null) {
      throw new TargetException("url.noHost", s);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return single(s, host, port, scheme);
  }

  private static TargetSpec single(String source, String host, int port, @Nullable String hint) {
    InetAddress a = address(source, host);
    BigInteger n = new BigInteger(1, a.getAddress());
    boolean literal = isLiteral(host);
    return new TargetSpec(
        source, literal ? null : host, n, n, a.getAddress().length == 16, port, hint);
  }

  private static TargetSpec cidr(String s) {
    int slash = s.indexOf('/');
    String host = s.substring(0, slash);
    if (!isLiteral(host)) {
      throw new TargetException("cidr.name", s);
    }
    InetAddress a = address(s, host);
    int bits = a.getAddress().length * 8;
    int prefix;
    try {
      prefix = Integer.parseInt(s.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new TargetException(e, "cidr.prefixNumber", s);
    }
    if (prefix < 0 || prefix > bits) {
      throw new TargetException("cidr.prefixRange", s, String.valueOf(bits));
    }
    if (bits == 128 && prefix < MIN_V6_PREFIX) {
      throw new TargetException("cidr.v6Size", s, String.valueOf(MIN_V6_PREFIX));
    }
    BigInteger n = new BigInteger(1, a.getAddress());
    BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
    BigInteger first = n.andNot(hostMask);
    return new TargetSpec(s, null, first, first.or(hostMask), bits == 128, 0, null);
  }

  private static TargetSpec range(String s) {
    int dash = s.indexOf('-');
    InetAddress from = address(s, s.substring(0, dash));
    String end = s.substring(dash + 1);
    BigInteger first = new BigInteger(1, from.getAddress());
    BigInteger last;
    if (V4.matcher(end).matches()) {
      last = new BigInteger(1, address(s, end).getAddress());
    } else {
      int octet;
      try {
        octet = Integer.parseInt(end);
      } catch (NumberFormatException e) {
        throw new TargetException(e, "range.end", s);
      }
      if (octet < 0 || octet > 255) {
        throw new TargetException("range.end", s);
      }
      last = first.andNot(BigInteger.valueOf(255)).or(BigInteger.valueOf(octet));
    }
    if (first.compareTo(last) > 0) {
      throw new TargetException("range.down", s);
    }
    return new TargetSpec(s, null, first, last, false, 0, null);
  }

  private static int port(String source, String p) {
    try {
      int port = Integer.parseInt(p);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new TargetException("port.number", source);
  }

  static boolean isLiteral(String host) {
    return V4.matcher(host).matches() || host.contains(":");
  }

  private static InetAddress address(String source, String host) {
    if (V4.matcher(host).matches()) {
      for (String octet : host.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          throw new TargetException("v4.invalid", source);
        }
      }
    } else if (!host.contains(":") && !NAME.matcher(host).matches()) {
      throw new TargetException("target.unknown", source);
    }
    try {
      // Literals never touch DNS; a name is resolved once, to the first address.
      return InetAddress.getAllByName(host)[0];
    } catch (UnknownHostException e) {
      throw new TargetException(e, "host.unresolved", source);
    }
  }

  /** The address at {@code n} of this range's family. */
  static InetAddress toAddress(BigInteger n, boolean v6) {
    int len = v6 ? 16 : 4;
    byte[] raw = n.toByteArray();
    byte[] out = new byte[len];
    int copy = Math.min(raw.length, len);
    System.arraycopy(raw, raw.length - copy, out, len - copy, copy);
    try {
      return InetAddress.getByAddress(out);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("address of wrong length", e);
    }
  }
}
