package dev.moat.scan.check.zookeeper;

import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.Severity;
import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Connection;
import dev.moat.scan.check.Exposure;
import dev.moat.scan.check.Identity;
import dev.moat.scan.check.Probe;
import dev.moat.scan.check.Recognition;
import dev.moat.scan.check.SampleField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ZooKeeper whose znode tree anonymous clients can read.
 *
 * <p>Identification: the {@code srvr} four-letter word ({@code Zookeeper version: …}), or the
 * whitelist refusal {@code srvr is not executed because it is not in the whitelist.}, which proves
 * ZooKeeper but neither open nor locked (the 4lw trap). Verification: an anonymous Jute session and
 * {@code getChildren("/")}; {@code NoAuth (-102)} means an ACL protects the root: locked. When the
 * whitelist also allows {@code envi}, its host and Java facts join the evidence.
 *
 * <p>Read-only: {@code srvr}, {@code envi}, getChildren, getData (a few first-level nodes, for the
 * exposure sample), closeSession. No create, set, delete or setAcl.
 */
public final class ZooKeeperCheck implements Check {
  static final String SERVICE = "zookeeper";
  private static final String NOT_WHITELISTED =
      "is not executed because it is not in the whitelist";
  private static final int MAX_CHILDREN = 50;
  private static final int MAX_DATA = 4096;

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
    return Set.of(2181);
  }

  @Override
  public List<Probe> probes() {
    return List.of(Probe.send("zookeeper-srvr", "srvr", 75, ZooKeeperCheck::recognise));
  }

  static Recognition recognise(byte[] data, int length, boolean closed) {
    String text = new String(data, 0, length, StandardCharsets.US_ASCII);
    String head = "Zookeeper version: ";
    if (text.startsWith(head)) {
      int comma = text.indexOf(',');
      int eol = text.indexOf('\n');
      int end = comma > 0 ? comma : eol;
      if (end < 0) {
        return closed
            ? Recognition.match(Identity.of(SERVICE, "ZooKeeper", null))
            : Recognition.MORE;
      }
      return Recognition.match(
          Identity.of(SERVICE, "ZooKeeper", version(text.substring(head.length(), end))));
    }
    if (text.startsWith("srvr " + NOT_WHITELISTED)) {
      return Recognition.match(Identity.of(SERVICE, "ZooKeeper", null));
    }
    boolean prefix = head.startsWith(text) || ("srvr " + NOT_WHITELISTED).startsWith(text);
    return prefix && !closed ? Recognition.MORE : Recognition.NO;
  }

  /** {@code 3.8.0-${mvngit.commit.id}} → {@code 3.8.0}. */
  static String version(String raw) {
    String v = raw.trim();
    int dash = v.indexOf('-');
    return dash > 0 ? v.substring(0, dash) : v;
  }

  @Override
  public CheckResult run(CheckContext ctx) throws IOException {
    Identity id =
        ctx.identity().productName().isPresent()
            ? ctx.identity()
            : Identity.of(SERVICE, "ZooKeeper", null);
    List<String> evidence = new ArrayList<>();
    String srvr = fourLetter(ctx, "srvr");
    if (srvr.startsWith("Zookeeper version: ")) {
      int comma = srvr.indexOf(',');
      if (comma > 0) {
        id = id.withVersion(version(srvr.substring(19, comma)));
      }
      for (String line : srvr.split("\n")) {
        if (line.startsWith("Mode: ") || line.startsWith("Node count: ")) {
          evidence.add("srvr " + line.trim());
        }
      }
    }
    List<String> children;
    List<SampleField> samples = new ArrayList<>();
    try (Connection c = ctx.connect()) {
      Jute jute = new Jute(c);
      if (!jute.connect()) {
        return CheckResult.undetermined(id);
      }
      Jute.Reply r = jute.getChildren("/");
      if (r.err() == Jute.NO_AUTH) {
        return CheckResult.locked(id);
      }
      if (r.err() != 0) {
        return CheckResult.undetermined(id);
      }
      children = Jute.strings(r.body(), MAX_CHILDREN);
      if (ctx.sampling()) {
        for (String child : children) {
          if (samples.size() >= ctx.sampleSize() || child.equals("zookeeper")) {
            continue;
          }
          Jute.Reply d = jute.getData("/" + child);
          if (d.err() == 0) {
            Optional<byte[]> data = Jute.buffer(d.body());
            data.filter(b -> b.length > 0)
                .ifPresent(
                    b ->
                        samples.add(
                            new SampleField(
                                "/" + child,
                                child,
                                new String(
                                    b, 0, Math.min(b.length, MAX_DATA), StandardCharsets.UTF_8))));
          }
        }
      }
      jute.close();
    }
    evidence.add("getChildren(\"/\") = " + children);
    String envi = fourLetter(ctx, "envi");
    if (envi.startsWith("Environment:")) {
      for (String line : envi.split("\n")) {
        if (line.startsWith("host.name=")
            || line.startsWith("java.version=")
            || line.startsWith("user.name=")
            || line.startsWith("os.name=")) {
          evidence.add("envi " + line.trim());
        }
      }
    }
    Exposure exposure = ctx.detect(samples);
    Finding f =
        ctx.finding(this, "zookeeper.no-auth")
            .severity(Severity.HIGH)
            .detailArgs(
                id.productVersion().orElse("?"),
                ctx.host(),
                String.valueOf(ctx.port()),
                String.valueOf(children.size()))
            .evidence(evidence)
            .exposure(exposure)
            .build();
    return CheckResult.open(id, Auth.NONE, List.of(f));
  }

  /** Sends a four-letter word and returns the reply ("" on any error). */
  private static String fourLetter(CheckContext ctx, String word) {
    try (Connection c = ctx.connect()) {
      c.write(word);
      return new String(c.readAvailable(16 * 1024), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
