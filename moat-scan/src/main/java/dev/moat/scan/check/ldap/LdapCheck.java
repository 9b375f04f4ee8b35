package dev.moat.scan.check.ldap;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * LDAP that lets anonymous clients read directory entries.
 *
 * <p>Recognised by an anonymous simple BindRequest (message id 1): any BindResponse ({@code 0x61})
 * is LDAP, whatever its result code. Verified with a minimal BER client (not JNDI, which can
 * deserialise objects a hostile server sends): anonymous bind, the rootDSE's {@code
 * namingContexts}, then a size-limited subtree search under each. Entries returned = open. A
 * refused bind ({@code disallow bind_anon}: inappropriateAuthentication) or searches that return
 * nothing beyond the rootDSE (ACL {@code by anonymous auth}) = locked. Referrals are not followed,
 * aliases never dereferenced.
 *
 * <p>Read-only: bind (anonymous), search, unbind.
 */
public final class LdapCheck implements Check {
  static final String SERVICE = "ldap";

  /** {@code BindRequest(id 1, version 3, name "", simple "")}. */
  static final byte[] ANONYMOUS_BIND = {
    0x30, 0x0c, 0x02, 0x01, 0x01, 0x60, 0x07, 0x02, 0x01, 0x03, 0x04, 0x00, (byte) 0x80, 0x00
  };

  private static final int MAX_CONTEXTS = 3;

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
    return Set.of(389);
  }

  @Override
  public List<Probe> probes() {
    // Order 27, after RESP, PostgreSQL and memcached: slapd stays silent to other protocols' probes
    // (it waits for the rest of a BER element), so on a port other than 389 it is found one or two
    // stagger intervals later; LDAP on an odd port is rarer than the services before it. Fourteen
    // bytes starting 0x30 are an error or nothing to every other service.
    return List.of(Probe.send("ldap-anonymous-bind", ANONYMOUS_BIND, 27, LdapCheck::recognise));
  }

  static Recognition recognise(byte[] data, int length, boolean closed) {
    if (length == 0) {
      return closed ? Recognition.NO : Recognition.MORE;
    }
    if (data[0] != 0x30) {
      return Recognition.NO;
    }
    if (length < 2) {
      return closed ? Recognition.NO : Recognition.MORE;
    }
    int lenByte = data[1] & 0xff;
    int at = 2 + (lenByte >= 0x80 ? lenByte - 0x80 : 0);
    if (lenByte > 0x84) {
      return Recognition.NO;
    }
    if (length < at + 4) {
      return closed ? Recognition.NO : Recognition.MORE;
    }
    boolean bindResponse =
        data[at] == 0x02 && data[at + 1] == 0x01 && data[at + 2] == 0x01 && data[at + 3] == 0x61;
    return bindResponse ? Recognition.match(Identity.of(SERVICE, "LDAP", null)) : Recognition.NO;
  }

  @Override
  public CheckResult run(CheckContext ctx) throws IOException {
    Identity id =
        ctx.identity().productName().isPresent()
            ? ctx.identity()
            : Identity.of(SERVICE, "LDAP", null);
    List<String> evidence = new ArrayList<>();
    List<SampleField> samples = new ArrayList<>();
    Set<String> attributeNames = new TreeSet<>();
    int entries = 0;
    try (Connection c = ctx.connect()) {
      LdapSession ldap = new LdapSession(c);
      int bind = ldap.bindAnonymously();
      if (bind != LdapSession.SUCCESS) {
        // 48 inappropriateAuthentication (disallow bind_anon), 49, 50 insufficientAccessRights
        return CheckResult.locked(id);
      }
      LdapSession.SearchResult root =
          ldap.search("", 0, 1, 5, "namingContexts", "vendorName", "vendorVersion");
      List<String> contexts = new ArrayList<>();
      for (LdapSession.Entry e : root.entries()) {
        List<String> nc = e.attributes().getOrDefault("namingContexts", List.of());
        contexts.addAll(nc.subList(0, Math.min(nc.size(), MAX_CONTEXTS)));
        List<String> vendor = e.attributes().getOrDefault("vendorName", List.of());
        List<String> version = e.attributes().getOrDefault("vendorVersion", List.of());
        if (!vendor.isEmpty()) {
          id = Identity.of(SERVICE, vendor.get(0), version.isEmpty() ? null : version.get(0));
        }
      }
      evidence.add("rootDSE namingContexts: " + contexts);
      int limit = Math.min(ctx.sampleSize(), 50);
      for (String base : contexts) {
        LdapSession.SearchResult r = ldap.search(base, 2, limit, 5);
        if (r.entries().isEmpty()) {
          continue;
        }
        entries += r.entries().size();
        List<String> dns = new ArrayList<>();
        for (LdapSession.Entry e : r.entries()) {
          String where = redactDn(e.dn());
          if (dns.size() < 3) {
            dns.add(where);
          }
          e.attributes()
              .forEach(
                  (type, values) -> {
                    attributeNames.add(type);
                    values.forEach(v -> samples.add(new SampleField(where, type, v)));
                  });
        }
        evidence.add(
            "anonymous search under " + base + ": " + r.entries().size() + " entries, e.g. " + dns);
      }
      ldap.unbind();
    }
    if (entries == 0) {
      // only the rootDSE (public by RFC 4512) or nothing: an ACL keeps anonymous readers out
      return CheckResult.locked(id);
    }
    evidence.add("attributes readable: " + attributeNames);
    Exposure exposure = ctx.detect(samples);
    Finding f =
        ctx.finding(this, "ldap.anonymous")
            .severity(Severity.HIGH)
            .detailArgs(ctx.host(), String.valueOf(ctx.port()), String.valueOf(entries))
            .evidence(evidence)
            .exposure(exposure)
            .build();
    return CheckResult.open(id, Auth.NONE, List.of(f));
  }

  /** {@code uid=zhangsan,ou=people,…} → {@code uid=z***,ou=people,…}: the leaf RDN value masked. */
  static String redactDn(String dn) {
    int eq = dn.indexOf('=');
    int comma = dn.indexOf(',');
    if (eq < 0 || (comma >= 0 && comma < eq)) {
      return dn;
    }
    int end = comma < 0 ? dn.length() : comma;
    String value = dn.substring(eq + 1, end);
    String masked =
        value.isEmpty() ? value : value.substring(0, value.offsetByCodePoints(0, 1)) + "***";
    return dn.substring(0, eq + 1) + masked + dn.substring(end);
  }
}
