package dev.moat.scan.check.rsync;

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
import java.util.List;
import java.util.Set;

/**
 * An rsync daemon with modules that need no password. Recognised by its {@code @RSYNCD:} greeting;
 * the module list (an empty module name) names the modules, and each is opened on its own
 * connection: {@code @RSYNCD: OK} means anyone can pull it, {@code @RSYNCD: AUTHREQD} means {@code
 * auth users} protects it, {@code @ERROR} (host rules) means refused. Module names are never
 * guessed: a daemon with {@code list = no} is reported as undetermined.
 *
 * <p>Read-only: the greeting, the module list, and a module handshake that stops at the server's
 * answer — no file list, no transfer, no upload.
 */
public final class RsyncCheck implements Check {
  static final String SERVICE = "rsync";
  private static final String GREETING = "@RSYNCD: ";
  private static final int MAX_MODULES = 20;

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
    return Set.of(873);
  }

  @Override
  public List<Probe> probes() {
    return List.of(Probe.banner("rsyncd-greeting", RsyncCheck::recognise));
  }

  static Recognition recognise(byte[] data, int length, boolean closed) {
    String text = new String(data, 0, length, StandardCharsets.US_ASCII);
    if (text.startsWith(GREETING)) {
      return Recognition.match(Identity.of(SERVICE, "rsync", null));
    }
    return GREETING.startsWith(text) && !closed ? Recognition.MORE : Recognition.NO;
  }

  /** A module from the list: its name and comment. */
  record Module(String name, String comment) {}

  @Override
  public CheckResult run(CheckContext ctx) throws IOException {
    Identity id = Identity.of(SERVICE, "rsync", null);
    List<Module> modules = new ArrayList<>();
    String protocol;
    try (Connection c = ctx.connect()) {
      protocol = hello(c);
      c.write("\n");
      for (int i = 0; i < MAX_MODULES * 5; i++) {
        String line = c.readLine(4096);
        if (line.startsWith("@RSYNCD: EXIT") || line.startsWith("@ERROR")) {
          break;
        }
        int tab = line.indexOf('\t');
        String name = (tab >= 0 ? line.substring(0, tab) : line).trim();
        if (!name.isEmpty() && modules.size() < MAX_MODULES) {
          modules.add(new Module(name, tab >= 0 ? line.substring(tab + 1).trim() : ""));
        }
      }
    }
    List<String> evidence = new ArrayList<>();
    evidence.add("greeting @RSYNCD: " + protocol);
    List<String> open = new ArrayList<>();
    for (Module m : modules) {
      String answer = open(ctx, m.name());
      evidence.add("module " + m.name() + " (" + m.comment() + "): " + answer);
      if (answer.startsWith("@RSYNCD: OK")) {
        open.add(m.name());
      }
    }
    if (open.isEmpty()) {
      return modules.isEmpty() ? CheckResult.undetermined(id) : CheckResult.locked(id);
    }
    Finding f =
        ctx.finding(this, "rsync.no-auth")
            .severity(Severity.HIGH)
            .detailArgs(
                ctx.host(), String.valueOf(ctx.port()), String.join(", ", open), modules.size())
            .evidence(evidence)
            .build();
    return CheckResult.open(id, Auth.NONE, List.of(f));
  }

  /** Reads the greeting, answers with protocol 30, returns the server's protocol line. */
  private static String hello(Connection c) throws IOException {
    String greeting = c.readLine(256);
    if (!greeting.startsWith(GREETING)) {
      throw new IOException("not an rsync daemon");
    }
    c.write("@RSYNCD: 30.0\n");
    return greeting.substring(GREETING.length()).trim();
  }

  /** The server's first answer to selecting {@code module}; the challenge is not kept. */
  private static String open(CheckContext ctx, String module) {
    try (Connection c = ctx.connect()) {
      hello(c);
      c.write(module + "\n");
      for (int i = 0; i < 50; i++) {
        String line = c.readLine(4096);
        if (line.startsWith("@RSYNCD: AUTHREQD")) {
          return "@RSYNCD: AUTHREQD";
        }
        if (line.startsWith("@RSYNCD: OK") || line.startsWith("@ERROR")) {
          return line.length() > 120 ? line.substring(0, 120) : line;
        }
        // anything else is the module's motd: skip it
      }
      return "?";
    } catch (IOException e) {
      return "? (" + e.getClass().getSimpleName() + ")";
    }
  }
}
