package dev.moat.scan.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry of checks: every {@link Check} listed in {@code
 * META-INF/services/dev.moat.scan.check.Check} on the class path, ordered by id. Adding a service
 * is adding a class and a line there; nothing else switches on service names.
 */
public final class Checks {
  private final List<Check> all;

  private Checks(List<Check> all) {
    this.all = List.copyOf(all);
    Set<String> ids = new HashSet<>();
    for (Check c : all) {
      if (!ids.add(c.id())) {
        throw new IllegalStateException("two checks share the id " + c.id());
      }
    }
  }

  /** Every check on the class path. */
  public static Checks load() {
    List<Check> found = new ArrayList<>();
    ServiceLoader.load(Check.class, Checks.class.getClassLoader()).forEach(found::add);
    found.sort(Comparator.comparing(Check::id));
    return new Checks(found);
  }

  /** Exactly these checks (tests, or a user's selection). */
  public static Checks of(List<Check> checks) {
    List<Check> sorted = new ArrayList<>(checks);
    sorted.sort(Comparator.comparing(Check::id));
    return new Checks(sorted);
  }

  /** All checks, ordered by id. */
  public List<Check> all() {
    return all;
  }

  /** The checks that run on {@code service}. */
  public List<Check> forService(String service) {
    return all.stream().filter(c -> c.services().contains(service)).toList();
  }

  /** The union of every check's default ports, ascending. */
  public Set<Integer> defaultPorts() {
    Set<Integer> ports = new TreeSet<>();
    all.forEach(c -> ports.addAll(c.defaultPorts()));
    return java.util.Collections.unmodifiableSet(ports);
  }
}
