package dev.moat.scan.fingerprint;

import dev.moat.scan.check.Check;
import dev.moat.scan.check.Checks;
import dev.moat.scan.check.Connection;
import dev.moat.scan.check.Identity;
import dev.moat.scan.check.Limits;
import dev.moat.scan.check.Probe;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Identifies the service on an open port, whatever the port number, by racing the checks' probes
 * against each other: every probe runs on a connection of its own, the probes of one port run at
 * the same time, and the first recogniser that matches on any connection decides; the port's other
 * probe connections are closed at once.
 *
 * <ol>
 *   <li>First wave, at once: the payload probes of checks whose default ports include this port (a
 *       Redis on 6379 answers {@code PING} at once) and the HTTP probe. When the port's usual
 *       service speaks first and has no payload probe (MySQL on 3306, SSH on 22, FTP on 21), the
 *       first wave is instead a connection that sends nothing and listens for a banner, and HTTP
 *       waits for the second: such a service then sees one quiet client, not also an HTTP request
 *       (MySQL counts aborted handshakes towards blocking the scanning host).
 *   <li>Second wave: every other payload probe, started as soon as each payload probe of the first
 *       wave has finished without a match (the port said something that ruled it out, or closed) —
 *       or after the banner wait, when some of them are still waiting for a reply — and, last, the
 *       silent listener when the first wave had none. Its probes open a few at a time in their
 *       order ({@link ProbeRace}), so a server that turns foreign probes down at once sees none
 *       after the one that matches.
 *   <li>TLS, only when nothing matched in the clear: one handshake, and if it succeeds the same two
 *       waves inside TLS (HTTPS first).
 * </ol>
 *
 * <p>Banners need no wait of their own: a service that speaks first (MySQL greeting, NATS {@code
 * INFO}, FTP, SSH, rsync) greets every client, so every probe connection offers what it reads to
 * the banner recognisers too, and the HTTP probe's connection usually reads the banner first. The
 * silent listener only covers services that would hang up on a client speaking first before they
 * greet it; it comes last, so a service identified sooner never sees it (a PostgreSQL would fork a
 * backend for it, and hold it until the probe wait ends).
 *
 * <p>Bounds: every probe connection has the probe wait as its budget, the read timeout and a 16 KiB
 * read cap, so a silent, trickling or endless peer costs bounded time and memory; a port that
 * answers nothing is reported {@code unknown} after about one probe wait (plus the banner wait, and
 * the TLS handshake's connect timeout). Every probe gets its chance: there is no early give-up on
 * silence. At most {@value #MAX_OPEN_PER_PORT} probe connections are open to one port at once
 * (later probes queue for a free slot) and at most {@value #MAX_OPEN} across all ports (tasks queue
 * on the shared probe threads, which end after a few idle seconds).
 *
 * <p>Limitation: a server that serves one connection at a time gets the probes one after another in
 * the order it accepts them; if the first it accepts waits in silence for more bytes, the others
 * wait behind it until the probe wait ends, and the port may come out {@code unknown}. The services
 * the checks look for all serve connections concurrently.
 *
 * <p>Thread-safe: one instance serves all workers.
 */
public final class Fingerprinter {
  /** Most probe connections open to one port at once. */
  public static final int MAX_OPEN_PER_PORT = 12;

  /** Most probe connections open at once across all ports. */
  public static final int MAX_OPEN = 128;

  private static final int PROBE_CAP = 16 * 1024;
  private static final byte[] HTTP_GET =
      "GET / HTTP/1.0\r\nUser-Agent: moat-scan\r\nAccept: */*\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII);
  private static final Probe HTTP = httpProbe(false);
  private static final Probe HTTPS = httpProbe(true);

  private final List<Probe> banners;
  private final List<Probe> payloadProbes;
  private final List<Check> checks;
  private final Limits probeLimits;
  private final Duration bannerWait;
  private final ThreadPoolExecutor executor;

  /**
   * @param bannerWait the most the first wave runs alone before the other probes start
   * @param probeWait how long one probe connection may wait for its reply
   */
  public Fingerprinter(Checks checks, Limits limits, Duration bannerWait, Duration probeWait) {
    this.checks = checks.all();
    Objects.requireNonNull(limits, "limits");
    this.bannerWait = Objects.requireNonNull(bannerWait, "bannerWait");
    Objects.requireNonNull(probeWait, "probeWait");
    this.probeLimits = limits.withBudget(probeWait).withReadCap(PROBE_CAP);
    List<Probe> b = new ArrayList<>();
    List<Probe> p = new ArrayList<>();
    for (Check c : this.checks) {
      for (Probe probe : c.probes()) {
        (probe.isBanner() ? b : p).add(probe);
      }
    }
    p.sort(Comparator.comparingInt(Probe::order).thenComparing(Probe::name));
    this.banners = List.copyOf(b);
    this.payloadProbes = List.copyOf(p);
    this.executor =
        new ThreadPoolExecutor(
            MAX_OPEN, MAX_OPEN, 3, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), probeThreads());
    this.executor.allowCoreThreadTimeOut(true);
  }

  /**
   * Identifies the service at {@code address}.
   *
   * @param hint {@code http} or {@code https} when the user gave a URL, else null
   */
  public Fingerprint identify(InetSocketAddress address, @Nullable String hint) {
    try {
      return identifyOrThrow(address, hint);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Fingerprint(Identity.UNKNOWN, false);
    }
  }

  private Fingerprint identifyOrThrow(InetSocketAddress address, @Nullable String hint)
      throws InterruptedException {
    if ("https".equals(hint) || "http".equals(hint)) {
      boolean tls = "https".equals(hint);
      ProbeRace race = race(address, tls);
      try {
        race.startFirstWave(List.of(tls ? HTTPS : HTTP), false);
        race.awaitAll();
      } finally {
        race.finish();
      }
      if (!race.identity().unknown()) {
        return new Fingerprint(race.identity(), tls);
      }
    }
    List<Probe> usual = new ArrayList<>();
    boolean usualBanner = false;
    for (Check c : checks) {
      if (c.defaultPorts().contains(address.getPort())) {
        for (Probe p : c.probes()) {
          if (p.isBanner()) {
            usualBanner = true;
          } else {
            usual.add(p);
          }
        }
      }
    }
    // the port's usual service speaks first (MySQL on 3306, SSH on 22): listen alone at first,
    // so that service sees one quiet client rather than an HTTP request too
    boolean listenAlone = usualBanner && usual.isEmpty();
    ProbeRace plain = race(address, false);
    Identity clear = runWaves(plain, HTTP, usual, true, listenAlone);
    if (!clear.unknown() || plain.gone()) {
      return new Fingerprint(clear, false);
    }
    try {
      // the handshake succeeded: this port speaks TLS
      Connection.open(address, true, probeLimits).close();
    } catch (IOException e) {
      return new Fingerprint(Identity.UNKNOWN, false);
    }
    return new Fingerprint(runWaves(race(address, true), HTTPS, usual, false, false), true);
  }

  /**
   * The two waves of one race; returns what matched, or unknown.
   *
   * @param listen whether the race has a connection that only listens for a banner
   * @param listenAlone whether that listener is the whole first wave (HTTP then waits for the
   *     second); else it comes last in the second
   */
  private Identity runWaves(
      ProbeRace race, Probe http, List<Probe> usual, boolean listen, boolean listenAlone)
      throws InterruptedException {
    try {
      List<Probe> first = new ArrayList<>(usual);
      if (!listenAlone) {
        first.add(http);
      }
      race.startFirstWave(first, listen && listenAlone);
      race.awaitFirstWave(bannerWait.toNanos());
      if (!race.decided()) {
        List<Probe> second = new ArrayList<>();
        if (listenAlone) {
          second.add(http);
        }
        payloadProbes.stream().filter(p -> !usual.contains(p)).forEach(second::add);
        race.startWave(second, listen && !listenAlone);
        race.awaitAll();
      }
      return race.identity();
    } finally {
      race.finish();
    }
  }

  private ProbeRace race(InetSocketAddress address, boolean tls) {
    return new ProbeRace(executor, address, tls, probeLimits, banners, MAX_OPEN_PER_PORT);
  }

  private static Probe httpProbe(boolean tls) {
    String service = tls ? "https" : "http";
    return Probe.send(
        service + "-get", HTTP_GET, 10, (d, n, c) -> HttpRecogniser.recognise(d, n, c, service));
  }

  private static ThreadFactory probeThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "moat-probe-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
