package dev.moat.scan.fingerprint;

import dev.moat.scan.check.Check;
import dev.moat.scan.check.Checks;
import dev.moat.scan.check.Connection;
import dev.moat.scan.check.Identity;
import dev.moat.scan.check.Limits;
import dev.moat.scan.check.Probe;
import dev.moat.scan.check.Recognition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Identifies the service on an open port, whatever the port number.
 *
 * <ol>
 *   <li>Probes of checks whose default ports include this port (a Redis on 6379 answers {@code
 *       PING} at once);
 *   <li>the banner: connect, send nothing, and let every banner probe look at what arrives within
 *       the banner wait (MySQL greeting, NATS {@code INFO}, SSH, FTP);
 *   <li>every other payload probe in order, one connection each (HTTP first);
 *   <li>TLS: a handshake, and if it succeeds the payload probes again inside TLS.
 * </ol>
 *
 * <p>Each probe connection has its own budget (the probe wait) and the read cap of the limits, so a
 * silent, trickling or endless peer costs bounded time. Six silent probes in a row end the attempt:
 * the port is reported {@code unknown} (a port that accepts and never speaks, as a firewall or a
 * proxy does). Thread-safe and stateless: one instance serves all workers.
 */
public final class Fingerprinter {
  private static final int PROBE_CAP = 16 * 1024;
  private static final int SILENT_PROBES_TO_GIVE_UP = 6;
  private static final byte[] HTTP_GET =
      "GET / HTTP/1.0\r\nUser-Agent: moat-scan\r\nAccept: */*\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII);

  private final List<Probe> banners;
  private final List<Probe> payloadProbes;
  private final List<Check> checks;
  private final Limits limits;
  private final Duration bannerWait;
  private final Duration probeWait;

  /**
   * @param bannerWait how long to wait for a server-speaks-first banner
   * @param probeWait how long one probe waits for its reply
   */
  public Fingerprinter(Checks checks, Limits limits, Duration bannerWait, Duration probeWait) {
    this.checks = checks.all();
    this.limits = Objects.requireNonNull(limits, "limits");
    this.bannerWait = Objects.requireNonNull(bannerWait, "bannerWait");
    this.probeWait = Objects.requireNonNull(probeWait, "probeWait");
    List<Probe> b = new ArrayList<>();
    List<Probe> p = new ArrayList<>();
    p.add(
        Probe.send(
            "http-get", HTTP_GET, 10, (d, n, c) -> HttpRecogniser.recognise(d, n, c, "http")));
    for (Check c : this.checks) {
      for (Probe probe : c.probes()) {
        (probe.isBanner() ? b : p).add(probe);
      }
    }
    p.sort(Comparator.comparingInt(Probe::order).thenComparing(Probe::name));
    this.banners = List.copyOf(b);
    this.payloadProbes = List.copyOf(p);
  }

  /**
   * Identifies the service at {@code address}.
   *
   * @param hint {@code http} or {@code https} when the user gave a URL, else null
   */
  public Fingerprint identify(InetSocketAddress address, @Nullable String hint) {
    if ("https".equals(hint) || "http".equals(hint)) {
      boolean tls = "https".equals(hint);
      Identity id = run(address, httpProbe(tls), tls);
      if (!id.unknown()) {
        return new Fingerprint(id, tls);
      }
    }
    int port = address.getPort();
    List<Probe> first = new ArrayList<>();
    for (Check c : checks) {
      if (c.defaultPorts().contains(port)) {
        c.probes().stream().filter(p -> !p.isBanner()).forEach(first::add);
      }
    }
    Attempt attempt = new Attempt();
    for (Probe p : first) {
      Identity id = attempt.probe(address, p, false);
      if (!id.unknown() || attempt.gone) {
        return new Fingerprint(id, false);
      }
    }
    Identity banner = attempt.banner(address);
    if (!banner.unknown() || attempt.gone) {
      return new Fingerprint(banner, false);
    }
    for (Probe p : payloadProbes) {
      if (first.contains(p)) {
        continue;
      }
      Identity id = attempt.probe(address, p, false);
      if (!id.unknown() || attempt.gone) {
        return new Fingerprint(id, false);
      }
      if (attempt.silent >= SILENT_PROBES_TO_GIVE_UP) {
        return new Fingerprint(Identity.UNKNOWN, false);
      }
    }
    return tls(address);
  }

  private Fingerprint tls(InetSocketAddress address) {
    try {
      // the handshake succeeded: this port speaks TLS
      Connection.open(address, true, limits.withBudget(probeWait)).close();
    } catch (IOException e) {
      return new Fingerprint(Identity.UNKNOWN, false);
    }
    Attempt attempt = new Attempt();
    Identity https = attempt.probe(address, httpProbe(true), true);
    if (!https.unknown()) {
      return new Fingerprint(https, true);
    }
    for (Probe p : payloadProbes) {
      Identity id = attempt.probe(address, p, true);
      if (!id.unknown()) {
        return new Fingerprint(id, true);
      }
      if (attempt.gone || attempt.silent >= SILENT_PROBES_TO_GIVE_UP) {
        break;
      }
    }
    return new Fingerprint(Identity.UNKNOWN, true);
  }

  private static Probe httpProbe(boolean tls) {
    String service = tls ? "https" : "http";
    return Probe.send(
        service + "-get", HTTP_GET, 10, (d, n, c) -> HttpRecogniser.recognise(d, n, c, service));
  }

  private Identity run(InetSocketAddress address, Probe probe, boolean tls) {
    return new Attempt().probe(address, probe, tls);
  }

  /** The state of fingerprinting one port: how many probes met silence, whether it closed. */
  private final class Attempt {
    int silent;
    boolean gone;
    private boolean closedEarly;

    Identity banner(InetSocketAddress address) {
      Limits l = limits.withBudget(bannerWait).withReadCap(PROBE_CAP);
      try (Connection c = Connection.open(address, false, l)) {
        Identity id = read(c, banners);
        if (id.unknown() && c.bytesRead() == 0) {
          silent++;
        }
        return id;
      } catch (ConnectException e) {
        gone = true; // the port closed since the sweep
        return Identity.UNKNOWN;
      } catch (IOException e) {
        return Identity.UNKNOWN;
      }
    }

    Identity probe(InetSocketAddress address, Probe probe, boolean tls) {
      Limits l = limits.withBudget(probeWait).withReadCap(PROBE_CAP);
      try (Connection c = Connection.open(address, tls, l)) {
        c.write(probe.payload());
        List<Probe> recognisers = new ArrayList<>(banners.size() + 1);
        recognisers.add(probe);
        recognisers.addAll(banners); // a speaks-first server answers any probe with its banner
        Identity id = read(c, recognisers);
        if (id.unknown() && c.bytesRead() == 0 && !closedEarly) {
          silent++;
        } else {
          silent = 0;
        }
        return id;
      } catch (ConnectException e) {
        gone = !tls;
        return Identity.UNKNOWN;
      } catch (SSLException e) {
        return Identity.UNKNOWN;
      } catch (IOException e) {
        silent = 0; // it reset or failed: not silence
        return Identity.UNKNOWN;
      }
    }

    /** Reads until one recogniser matches, all say no, the peer closes, or time runs out. */
    private Identity read(Connection c, List<Probe> recognisers) throws IOException {
      closedEarly = false;
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      boolean[] ruledOut = new boolean[recognisers.size()];
      boolean done = false;
      while (!done) {
        int r;
        try {
          r = c.input().read(buf);
        } catch (SocketTimeoutException e) {
          r = -2;
        } catch (Connection.ReadCapExceededException e) {
          r = -3;
        } catch (IOException e) {
          if (got.size() == 0) {
            throw e;
          }
          r = -1; // reset mid-reply: judge what arrived
        }
        if (r == -1) {
          closedEarly = true;
        }
        if (r > 0) {
          got.write(buf, 0, r);
        } else {
          done = true;
        }
        if (got.size() == 0) {
          continue;
        }
        byte[] data = got.toByteArray();
        boolean anyUndecided = false;
        for (int i = 0; i < recognisers.size(); i++) {
          if (ruledOut[i]) {
            continue;
          }
          Recognition v = recognisers.get(i).recogniser().recognise(data, data.length, done);
          if (v instanceof Recognition.Match m) {
            return m.identity();
          }
          if (v instanceof Recognition.NoMatch) {
            ruledOut[i] = true;
          } else {
            anyUndecided = true;
          }
        }
        if (!anyUndecided) {
          return Identity.UNKNOWN;
        }
      }
      return Identity.UNKNOWN;
    }
  }
}
