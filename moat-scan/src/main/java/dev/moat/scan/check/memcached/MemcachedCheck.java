package dev.moat.scan.check.memcached;

import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.Severity;
import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Connection;
import dev.moat.scan.check.Identity;
import dev.moat.scan.check.Probe;
import dev.moat.scan.check.Recognition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * memcached without authentication. Recognised and verified by the ASCII {@code stats} command:
 * {@code STAT pid …} means anyone can read (and overwrite or flush) the cache; {@code CLIENT_ERROR
 * unauthenticated} is ASCII auth ({@code -Y}) and means locked.
 *
 * <p>Read-only: {@code stats} only. {@code stats cachedump} and {@code get} read live cache entries
 * and are not sent; the evidence is the server's own counters.
 */
public final class MemcachedCheck implements Check {
  static final String SERVICE = "memcached";
  private static final String STATS = "stats\r\n";
  private static final int MAX_LINES = 200;

  @Override
  public String id() {
    return SERVICE;
  }

  @Override
  public Set<String> services() {
    return Set.of(SERVICE);
  }

  @Override
  public Set<Integer> defaultPorts() {
    return Set.of(11211);
  }

  @Override
  public List<Probe> probes() {
    // Order 25, right after RESP: memcached's ASCII parser stays silent to the binary probes
    // (PostgreSQL, MQTT, AMQP) while it waits for a newline, and the fingerprinter gives up after
    // three silent probes in a row. "stats\r\n" is an error or a read-only word elsewhere.
    return List.of(Probe.send("memcached-stats", STATS, 25, MemcachedCheck::recognise));
  }

  static Recognition recognise(byte[] data, int length, boolean closed) {
    String text = new String(data, 0, length, StandardCharsets.US_ASCII);
    if (text.startsWith("CLIENT_ERROR unauthenticated")) {
      return Recognition.match(Identity.of(SERVICE, "memcached", null));
    }
    String want = "STAT pid ";
    if (!text.startsWith(want.substring(0, Math.min(want.length(), text.length())))) {
      return Recognition.NO;
    }
    int at = text.indexOf("\nSTAT version ");
    if (at >= 0) {
      int eol = text.indexOf('\r', at + 14);
      if (eol > 0) {
        return Recognition.match(
            Identity.of(SERVICE, "memcached", text.substring(at + 14, eol).trim()));
      }
    }
    if (text.contains("\nEND") || closed || length > 8192) {
      return text.startsWith(want)
          ? Recognition.match(Identity.of(SERVICE, "memcached", null))
          : Recognition.NO;
    }
    return Recognition.MORE;
  }

  @Override
  public CheckResult run(CheckContext ctx) throws IOException {
    Identity id =
        ctx.identity().productName().isPresent()
            ? ctx.identity()
            : Identity.of(SERVICE, "memcached", null);
    Map<String, String> stats = new LinkedHashMap<>();
    try (Connection c = ctx.connect()) {
      c.write(STATS);
      for (int i = 0; i < MAX_LINES; i++) {
        String line = c.readLine(1024);
        if (line.startsWith("CLIENT_ERROR unauthenticated")) {
          return CheckResult.locked(id);
        }
        if (line.equals("END")) {
          break;
        }
        if (!line.startsWith("STAT ")) {
          return CheckResult.undetermined(id);
        }
        String[] parts = line.split(" ", 3);
        if (parts.length == 3) {
          stats.put(parts[1], parts[2]);
        }
      }
    }
    if (!stats.containsKey("pid") || !stats.containsKey("version")) {
      return CheckResult.undetermined(id);
    }
    Identity found = id.withVersion(stats.get("version"));
    List<String> evidence = new ArrayList<>();
    for (String k :
        List.of("version", "uptime", "curr_items", "total_items", "bytes", "curr_connections")) {
      if (stats.containsKey(k)) {
        evidence.add("STAT " + k + " " + stats.get(k));
      }
    }
    Finding f =
        ctx.finding(this, "memcached.no-auth")
            .severity(Severity.HIGH)
            .detailArgs(
                stats.get("version"),
                ctx.host(),
                String.valueOf(ctx.port()),
                stats.getOrDefault("curr_items", "?"))
            .evidence(evidence)
            .build();
    return CheckResult.open(found, Auth.NONE, List.of(f));
  }
}
