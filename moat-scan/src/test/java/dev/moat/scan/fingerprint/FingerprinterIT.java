package dev.moat.scan.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.moat.scan.ScanTesting;
import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Checks;
import dev.moat.scan.check.Identity;
import dev.moat.scan.check.Limits;
import dev.moat.scan.check.Probe;
import dev.moat.scan.check.Recognition;
import dev.moat.testing.HostilePeer;
import dev.moat.testing.LocalServer;
import dev.moat.testing.MemcachedServers;
import dev.moat.testing.NatsServers;
import dev.moat.testing.Poll;
import dev.moat.testing.Ports;
import dev.moat.testing.RedisServers;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The concurrent fingerprinter: real services on ports that are not theirs, a silent port, and a
 * scripted peer that shows which probe wins and how many connections a port gets. No timing is
 * asserted beyond generous upper bounds that keep a hang from passing.
 */
final class FingerprinterIT {
  private static final Duration BOUND = Duration.ofSeconds(30);

  private static Fingerprinter standard() {
    return new Fingerprinter(
        Checks.load(),
        Limits.DEFAULT.withTimeouts(Duration.ofMillis(1500), Duration.ofSeconds(2)),
        Duration.ofMillis(300),
        Duration.ofSeconds(2));
  }

  private static InetSocketAddress at(int port) {
    return new InetSocketAddress(ScanTesting.loopback(), port);
  }

  @Test
  void realServicesOnPortsThatAreNotTheirs_areIdentified() {
    Fingerprinter fp = standard();
    try (LocalServer redis = RedisServers.open();
        LocalServer memcached = MemcachedServers.open();
        LocalServer nats = NatsServers.open()) {
      // memcached and Redis both wait silently for a newline after the LDAP probe's binary bind,
      // so identifying them proves the probes do not wait on each other
      assertThat(fp.identify(at(redis.port()), null).identity().service()).isEqualTo("redis");
      assertThat(fp.identify(at(memcached.port()), null).identity().service())
          .isEqualTo("memcached");
      Fingerprint n = fp.identify(at(nats.port()), null);
      assertThat(n.identity().service()).isEqualTo("nats"); // its banner, read on any connection
      assertThat(n.tls()).isFalse();
    }
  }

  @Test
  void silentPort_isUnknown_inBoundedTime() {
    Fingerprinter fp = standard();
    try (HostilePeer peer = HostilePeer.start(HostilePeer.Behaviour.SILENT)) {
      Fingerprint f = assertTimeoutPreemptively(BOUND, () -> fp.identify(at(peer.port()), null));

      assertThat(f.identity()).isEqualTo(Identity.UNKNOWN);
    }
  }

  @Test
  void closedPort_isUnknown() {
    Fingerprint f =
        assertTimeoutPreemptively(BOUND, () -> standard().identify(at(Ports.free()), null));

    assertThat(f.identity()).isEqualTo(Identity.UNKNOWN);
  }

  @Test
  void firstMatchToArrive_wins_andTheOtherConnectionsAreClosed() {
    // "slow" comes first in probe order and would match, but only answers after 8 s; "fast"
    // answers at once. A serial fingerprinter would wait for "slow" and report it.
    Checks checks =
        Checks.of(
            List.of(
                check("slow", Probe.send("slow-probe", "slow?\n", 100, starts("slow!", "slow"))),
                check("fast", Probe.send("fast-probe", "fast?\n", 200, starts("fast!", "fast")))));
    java.util.concurrent.atomic.AtomicReference<ScriptedPeer> self =
        new java.util.concurrent.atomic.AtomicReference<>();
    try (ScriptedPeer peer =
        ScriptedPeer.start(
            first -> {
              if (first.startsWith("slow?")) {
                return ScriptedPeer.Action.reply("slow!\n", 8000);
              }
              if (!first.startsWith("fast?")) {
                return ScriptedPeer.Action.silent();
              }
              // answer only once the slow probe is in: both ran, and the first answer decides
              Poll.until(
                  BOUND,
                  "the slow probe",
                  () -> self.get().firstBytes().stream().anyMatch(b -> b.startsWith("slow?")));
              return ScriptedPeer.Action.reply("fast!\n", 0);
            })) {
      self.set(peer);
      Fingerprinter fp =
          new Fingerprinter(checks, Limits.DEFAULT, Duration.ofMillis(300), Duration.ofSeconds(20));

      Fingerprint f = assertTimeoutPreemptively(BOUND, () -> fp.identify(at(peer.port()), null));

      assertThat(f.identity().service()).isEqualTo("fast");
      Poll.until(
          BOUND,
          "the slow probe's connection to be closed by the scanner",
          () -> peer.closedByClient().stream().anyMatch(b -> b.startsWith("slow?")));
    }
  }

  @Test
  void everyProbeGetsItsChance_withAtMostTheCapOfConnectionsAtOnce() {
    // 30 probes that get no answer (the peer hangs up after a while), then one that answers: the
    // port is identified, every probe was sent, and no more than the per-port cap of connections
    // was ever open at once
    List<Check> list = new ArrayList<>();
    IntStream.range(0, 30)
        .forEach(
            i ->
                list.add(
                    check(
                        "mute" + i,
                        Probe.send("mute-" + i, "mute" + i + "?\n", 100 + i, starts("x", "x")))));
    list.add(check("last", Probe.send("last-probe", "last?\n", 999, starts("last!", "last"))));
    java.util.concurrent.atomic.AtomicReference<ScriptedPeer> self =
        new java.util.concurrent.atomic.AtomicReference<>();
    try (ScriptedPeer peer =
        ScriptedPeer.start(
            first -> {
              if (!first.startsWith("last?")) {
                return ScriptedPeer.Action.hangUp(300);
              }
              // answer only once every earlier probe has arrived: the one that matches ends the
              // race, and this test is about all of them having had their chance
              Poll.until(
                  BOUND,
                  "every mute probe",
                  () ->
                      self.get().firstBytes().stream().filter(b -> b.startsWith("mute")).count()
                          == 30);
              return ScriptedPeer.Action.reply("last!\n", 0);
            })) {
      self.set(peer);
      Fingerprinter fp =
          new Fingerprinter(
              Checks.of(list), Limits.DEFAULT, Duration.ofMillis(300), Duration.ofSeconds(10));

      Fingerprint f = assertTimeoutPreemptively(BOUND, () -> fp.identify(at(peer.port()), null));

      assertThat(f.identity().service()).isEqualTo("last");
      for (int i = 0; i < 30; i++) {
        String mute = "mute" + i + "?";
        assertThat(peer.firstBytes()).anyMatch(b -> b.startsWith(mute));
      }
      assertThat(peer.maxOpen()).isLessThanOrEqualTo(Fingerprinter.MAX_OPEN_PER_PORT);
    }
  }

  @Test
  void aServerThatRejectsForeignProbesAtOnce_getsThemFewAtATime_neverTheLast() {
    // twelve probes; the peer hangs up at once on all but the third, as PostgreSQL, Redis or
    // Mosquitto do with a foreign protocol. The later wave opens probes a few at a time in their
    // order, so the peer does not see the ones far after the match (the last would need nine 40 ms
    // stagger steps without any probe ending)
    List<Check> list = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String name = i == 2 ? "hit" : "miss" + i;
      list.add(check(name, Probe.send(name, name + "?\n", 100 + i, starts(name + "!", name))));
    }
    try (ScriptedPeer peer =
        ScriptedPeer.start(
            first ->
                first.startsWith("hit?")
                    ? ScriptedPeer.Action.reply("hit!\n", 0)
                    : ScriptedPeer.Action.hangUp(0))) {
      Fingerprinter fp =
          new Fingerprinter(
              Checks.of(list), Limits.DEFAULT, Duration.ofMillis(300), Duration.ofSeconds(10));

      Fingerprint f = assertTimeoutPreemptively(BOUND, () -> fp.identify(at(peer.port()), null));

      assertThat(f.identity().service()).isEqualTo("hit");
      List<String> probesSeen =
          peer.firstBytes().stream()
              .filter(b -> b.startsWith("miss") || b.startsWith("hit"))
              .toList();
      // all at once, the peer would see all twelve; a busy machine may let the stagger open a few
      // more before the answer to "hit" is read, and may close the first two before they are sent
      assertThat(probesSeen).noneMatch(b -> b.startsWith("miss11?")).hasSizeLessThan(10);
    }
  }

  @Test
  void aServiceThatHangsUpOnEarlyTalkers_isIdentifiedByTheListenerThatComesLast() {
    // greets only a client that stays quiet for a moment and hangs up on any that speaks first
    // (an SMTP server with a greeting pause does this): HTTP and every payload probe are turned
    // down, and the silent listener at the end of the second wave reads the greeting
    List<Check> list = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String name = "miss" + i;
      list.add(check(name, Probe.send(name, name + "?\n", 100 + i, starts(name + "!", name))));
    }
    list.add(check("greeter", Probe.banner("greeter-banner", starts("hello-banner", "greeter"))));
    try (ScriptedPeer peer =
        ScriptedPeer.start(
            first ->
                first.isEmpty()
                    ? ScriptedPeer.Action.reply("hello-banner\n", 0)
                    : ScriptedPeer.Action.hangUp(0))) {
      Fingerprinter fp =
          new Fingerprinter(
              Checks.of(list), Limits.DEFAULT, Duration.ofMillis(300), Duration.ofSeconds(10));

      Fingerprint f = assertTimeoutPreemptively(BOUND, () -> fp.identify(at(peer.port()), null));

      assertThat(f.identity().service()).isEqualTo("greeter");
      assertThat(peer.firstBytes()).anyMatch(b -> b.startsWith("GET /")).hasSize(4);
    }
  }

  @Test
  void onTheUsualPortOfAServiceThatSpeaksFirst_oneQuietConnectionIsAll() {
    // the peer greets a client that stays quiet; the check's default port is the peer's port, so
    // the fingerprinter listens alone first and sends nothing (no HTTP request) when it greets
    try (ScriptedPeer peer =
        ScriptedPeer.start(
            first ->
                first.isEmpty()
                    ? ScriptedPeer.Action.reply("hello-banner\n", 0)
                    : ScriptedPeer.Action.silent())) {
      Check greeter =
          new Check() {
            @Override
            public String id() {
              return "greeter";
            }

            @Override
            public Set<String> services() {
              return Set.of("greeter");
            }

            @Override
            public List<Probe> probes() {
              return List.of(Probe.banner("greeter-banner", starts("hello-banner", "greeter")));
            }

            @Override
            public Set<Integer> defaultPorts() {
              return Set.of(peer.port());
            }

            @Override
            public CheckResult run(CheckContext ctx) {
              return CheckResult.notApplicable();
            }
          };
      Fingerprinter fp =
          new Fingerprinter(
              Checks.of(List.of(greeter)),
              Limits.DEFAULT,
              Duration.ofSeconds(5),
              Duration.ofSeconds(10));

      Fingerprint f = assertTimeoutPreemptively(BOUND, () -> fp.identify(at(peer.port()), null));

      assertThat(f.identity().service()).isEqualTo("greeter");
      assertThat(peer.firstBytes()).isEmpty();
    }
  }

  private static dev.moat.scan.check.Recogniser starts(String prefix, String service) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    return (d, n, closed) -> {
      for (int i = 0; i < Math.min(n, p.length); i++) {
        if (d[i] != p[i]) {
          return Recognition.NO;
        }
      }
      return n >= p.length
          ? Recognition.match(Identity.of(service))
          : closed ? Recognition.NO : Recognition.MORE;
    };
  }

  private static Check check(String id, Probe probe) {
    return new Check() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Set<String> services() {
        return Set.of(id);
      }

      @Override
      public List<Probe> probes() {
        return List.of(probe);
      }

      @Override
      public CheckResult run(CheckContext ctx) {
        return CheckResult.notApplicable();
      }
    };
  }
}
