package dev.moat.scan.suppress;

import dev.moat.core.Finding;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One accepted finding: either a finding {@code id}, or a {@code check} (such as {@code
 * redis.no-auth}) on a {@code target} ({@code host}, {@code host:port} or an address block {@code
 * 10.0.0.0/24}). Every suppression has a reason and an expiry date; from the day after it expires,
 * it no longer applies.
 *
 * @param id a finding id, or null when {@code check} and {@code target} are given
 * @param check a check id, or null when {@code id} is given
 * @param target host, host:port or CIDR the check is suppressed on, or null with {@code id}
 * @param reason why it is accepted (a ticket, a risk acceptance)
 * @param expires the last day it applies
 */
public record Suppression(
    @Nullable String id,
    @Nullable String check,
    @Nullable String target,
    String reason,
    LocalDate expires) {

  public Suppression {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(expires, "expires");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("suppression reason must not be empty");
    }
    boolean byId = id != null && !id.isBlank();
    boolean byCheck = check != null && !check.isBlank() && target != null && !target.isBlank();
    if (byId == byCheck) {
      throw new IllegalArgumentException(
          "a suppression needs either id, or check and target: " + describe(id, check, target));
    }
  }

  /** A short description for messages: the id, or {@code check @ target}. */
  public String describe() {
    return describe(id, check, target);
  }

  private static String describe(@Nullable String id, @Nullable String check, @Nullable String t) {
    return id != null && !id.isBlank() ? "id " + id : check + " @ " + t;
  }

  /** True on and before the expiry day. */
  public boolean activeOn(LocalDate day) {
    return !day.isAfter(expires);
  }

  /** True when this suppression names {@code f} (regardless of expiry). */
  public boolean matches(Finding f) {
    if (id != null && !id.isBlank()) {
      return id.equals(f.id());
    }
    return Objects.equals(check, f.check()) && target != null && targetMatches(target, f);
  }

  private static boolean targetMatches(String target, Finding f) {
    String t = target.trim();
    int slash = t.indexOf('/');
    if (slash > 0) {
      return inBlock(t.substring(0, slash), t.substring(slash + 1), f.host());
    }
    Optional<Integer> port = Optional.empty();
    String host = t;
    int colon = t.lastIndexOf(':');
    if (t.startsWith("[") && t.contains("]")) {
      host = t.substring(1, t.indexOf(']'));
      String rest = t.substring(t.indexOf(']') + 1);
      port = rest.startsWith(":") ? parsePort(rest.substring(1)) : Optional.empty();
    } else if (colon > 0 && t.indexOf(':') == colon) {
      host = t.substring(0, colon);
      port = parsePort(t.substring(colon + 1));
    }
    return host.equalsIgnoreCase(f.host()) && port.map(p -> p == f.port()).orElse(true);
  }

  private static Optional<Integer> parsePort(String s) {
    try {
      return Optional.of(Integer.parseInt(s));
    } catch (NumberFormatException e) {
      return Optional.of(-1);
    }
  }

  private static boolean inBlock(String base, String prefix, String host) {
    try {
      if (!(host.matches("[0-9.]+") || host.contains(":"))
          || !(base.matches("[0-9.]+") || base.contains(":"))) {
        return false;
      }
      byte[] b = InetAddress.getByName(base).getAddress();
      byte[] h = InetAddress.getByName(host).getAddress();
      if (b.length != h.length) {
        return false;
      }
      int bits = b.length * 8;
      int p = Integer.parseInt(prefix);
      BigInteger mask =
          BigInteger.ONE
              .shiftLeft(bits)
              .subtract(BigInteger.ONE)
              .shiftRight(p)
              .not()
              .and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
      return new BigInteger(1, b).and(mask).equals(new BigInteger(1, h).and(mask));
    } catch (java.io.IOException | NumberFormatException e) {
      return false;
    }
  }
}
