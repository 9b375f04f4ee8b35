package dev.moat.scan.target;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * The targets of one scan and their exclusions, expanded lazily into {@link Endpoint}s: host by
 * host, and for each host its ports in ascending order. Only the iterator's position is held in
 * memory, whatever the size of the blocks.
 */
public final class Targets {
  private final List<TargetSpec> specs;
  private final List<TargetSpec> excludes;

  private Targets(List<TargetSpec> specs, List<TargetSpec> excludes) {
    this.specs = List.copyOf(specs);
    this.excludes = List.copyOf(excludes);
  }

  /**
   * Parses targets and exclusions.
   *
   * @throws IllegalArgumentException naming the first bad entry
   */
  public static Targets parse(List<String> targets, List<String> exclude) {
    if (targets.isEmpty()) {
      throw new TargetException("targets.none");
    }
    return new Targets(
        targets.stream().map(TargetSpec::parse).toList(),
        exclude.stream().map(TargetSpec::parse).toList());
  }

  /** The parsed targets. */
  public List<TargetSpec> specs() {
    return specs;
  }

  /** The targets as the user gave them. */
  public List<String> given() {
    return specs.stream().map(TargetSpec::source).toList();
  }

  /** True when {@code address} is excluded. */
  public boolean excluded(InetAddress address) {
    for (TargetSpec e : excludes) {
      if (e.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** Number of addresses before exclusion. */
  public BigInteger hostCount() {
    BigInteger n = BigInteger.ZERO;
    for (TargetSpec s : specs) {
      n = n.add(s.size());
    }
    return n;
  }

  /** Number of endpoints before exclusion, given the scan's port set. */
  public BigInteger endpointCount(PortSet ports) {
    BigInteger n = BigInteger.ZERO;
    for (TargetSpec s : specs) {
      BigInteger perHost = BigInteger.valueOf(s.port() > 0 ? 1 : ports.size());
      n = n.add(s.size().multiply(perHost));
    }
    return n;
  }

  /** A lazy iterator over every endpoint not excluded. */
  public Iterator<Endpoint> endpoints(PortSet ports) {
    return new EndpointIterator(ports);
  }

  private final class EndpointIterator implements Iterator<Endpoint> {
    private final PortSet ports;
    private int specIndex = -1;
    private @Nullable TargetSpec spec;
    private BigInteger current = BigInteger.ZERO;
    private @Nullable InetAddress address;
    private int nextPort = -1;
    private @Nullable Endpoint next;

    EndpointIterator(PortSet ports) {
      this.ports = ports;
    }

    @Override
    public boolean hasNext() {
      if (next == null) {
        next = advance();
      }
      return next != null;
    }

    @Override
    public Endpoint next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Endpoint e = next;
      next = null;
      if (e == null) {
        throw new NoSuchElementException();
      }
      return e;
    }

    private @Nullable Endpoint advance() {
      while (true) {
        TargetSpec s = spec;
        InetAddress a = address;
        if (s != null && a != null) {
          int p = nextPort;
          if (s.port() > 0) {
            if (p == s.port()) {
              nextPort = -1;
              return new Endpoint(label(s, a), a, p, s.hint());
            }
          } else if (p > 0) {
            nextPort = ports.next(p + 1);
            return new Endpoint(label(s, a), a, p, s.hint());
          }
          address = null;
          current = current.add(BigInteger.ONE);
        }
        if (!nextHost()) {
          return null;
        }
      }
    }

    /** Moves to the next non-excluded address; false when every target is done. */
    private boolean nextHost() {
      while (true) {
        TargetSpec s = spec;
        if (s == null || current.compareTo(s.last()) > 0) {
          specIndex++;
          if (specIndex >= specs.size()) {
            return false;
          }
          s = specs.get(specIndex);
          spec = s;
          current = s.first();
        }
        InetAddress a = TargetSpec.toAddress(current, s.v6());
        if (excluded(a)) {
          current = current.add(BigInteger.ONE);
          continue;
        }
        address = a;
        nextPort = s.port() > 0 ? s.port() : ports.next(1);
        return true;
      }
    }

    private String label(TargetSpec s, InetAddress a) {
      String name = s.name();
      return name != null ? name : a.getHostAddress();
    }
  }
}
