package dev.moat.scan.check.ssh;

import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Identity;
import dev.moat.scan.check.Probe;
import dev.moat.scan.check.Recognition;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Recognises SSH servers by their identification string ({@code SSH-2.0-OpenSSH_9.2p1 Debian-2}) so
 * that they are reported as {@code ssh} with product and version rather than {@code unknown}.
 * Guessing passwords is not a read-only check, so this check finds nothing.
 */
public final class SshCheck implements Check {
  static final String SERVICE = "ssh";

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
    return Set.of(22);
  }

  @Override
  public List<Probe> probes() {
    return List.of(Probe.banner("ssh-banner", SshCheck::recognise));
  }

  static Recognition recognise(byte[] d, int length, boolean closed) {
    String prefix = "SSH-";
    for (int i = 0; i < Math.min(length, prefix.length()); i++) {
      if (d[i] != prefix.charAt(i)) {
        return Recognition.NO;
      }
    }
    String text = new String(d, 0, Math.min(length, 255), StandardCharsets.US_ASCII);
    int eol = text.indexOf('\n');
    if (eol < 0) {
      return closed || length >= 255 ? Recognition.NO : Recognition.MORE;
    }
    String[] parts = text.substring(0, eol).trim().split("-", 3);
    if (parts.length < 3) {
      return Recognition.NO;
    }
    String software = parts[2].split(" ", 2)[0];
    int us = software.indexOf('_');
    return us > 0
        ? Recognition.match(
            Identity.of(SERVICE, software.substring(0, us), software.substring(us + 1)))
        : Recognition.match(Identity.of(SERVICE, software, null));
  }

  @Override
  public CheckResult run(CheckContext ctx) {
    return CheckResult.notApplicable();
  }
}
