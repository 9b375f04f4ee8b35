package dev.moat.scan.check.ftp;

import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.Severity;
import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Connection;
import dev.moat.scan.check.Exposure;
import dev.moat.scan.check.Identity;
import dev.moat.scan.check.Limits;
import dev.moat.scan.check.Probe;
import dev.moat.scan.check.Recognition;
import dev.moat.scan.check.SampleField;
import dev.moat.scan.check.web.Web;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FTP that accepts anonymous login. Recognised by its {@code 220} greeting naming FTP (SMTP's 220
 * is ruled out); verified by {@code USER anonymous} / {@code PASS}: {@code 230} is open, {@code
 * 530} locked. When open, a passive {@code NLST} of the login directory gives the evidence.
 *
 * <p>Read-only: USER, PASS, EPSV/PASV, NLST, QUIT. Never STOR, MKD, DELE or SITE. The passive data
 * connection always goes to the scanned address, whatever address the server names (no FTP bounce).
 */
public final class FtpCheck implements Check {
  static final String SERVICE = "ftp";
  private static final Pattern PRODUCT =
      Pattern.compile(
          "(vsFTPd|ProFTPD|Pure-FTPd|FileZilla Server|Microsoft FTP Service|Serv-U|wu-ftpd)"
              + "[ /v]*([0-9][0-9A-Za-z.\\-]*)?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PASV = Pattern.compile("(\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)");
  private static final Pattern EPSV = Pattern.compile("\\(\\|\\|\\|(\\d+)\\|\\)");
  private static final int MAX_NAMES = 20;
  private static final Duration LOGIN_WAIT = Duration.ofSeconds(5);

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
    return Set.of(21, 2121);
  }

  @Override
  public List<Probe> probes() {
    return List.of(Probe.banner("ftp-220", FtpCheck::recognise));
  }

  static Recognition recognise(byte[] data, int length, boolean closed) {
    String text = new String(data, 0, length, StandardCharsets.ISO_8859_1);
    if (!"220".startsWith(text.substring(0, Math.min(3, text.length())))) {
      return Recognition.NO;
    }
    int eol = text.indexOf('\n');
    if (eol < 0) {
      return closed || length > 1024 ? Recognition.NO : Recognition.MORE;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("smtp") || lower.contains("esmtp") || !lower.contains("ftp")) {
      return Recognition.NO;
    }
    return Recognition.match(identity(text));
  }

  static Identity identity(String greeting) {
    Matcher m = PRODUCT.matcher(greeting);
    if (m.find()) {
      return Identity.of(SERVICE, m.group(1), m.group(2));
    }
    return Identity.of(SERVICE, "FTP", null);
  }

  @Override
  public CheckResult run(CheckContext ctx) throws IOException {
    // Servers delay a failed login (vsftpd and PAM: about 3 s); wait for the 530 rather than
    // calling a locked server undetermined.
    Limits limits = ctx.limits();
    if (limits.readTimeout().compareTo(LOGIN_WAIT) < 0) {
      limits = limits.withTimeouts(limits.connectTimeout(), LOGIN_WAIT);
    }
    try (Connection c =
        Connection.open(new InetSocketAddress(ctx.address(), ctx.port()), ctx.tls(), limits)) {
      Reply greeting = Reply.read(c);
      Identity id =
          ctx.identity().productName().isPresent() ? ctx.identity() : identity(greeting.text());
      if (greeting.code() != 220) {
        return CheckResult.undetermined(id);
      }
      Reply user = Reply.send(c, "USER anonymous");
      Reply login = user;
      if (user.code() == 331) {
        login = Reply.send(c, "PASS anonymous@example.com");
      }
      if (login.code() == 530 || login.code() == 332 || login.code() / 100 == 5) {
        return CheckResult.locked(id);
      }
      if (login.code() != 230) {
        return CheckResult.undetermined(id);
      }
      List<String> names = list(ctx, c);
      quietly(c, "QUIT");
      List<String> evidence = new ArrayList<>();
      evidence.add("USER anonymous → " + user.code() + ", PASS → " + login.code());
      List<SampleField> samples = new ArrayList<>();
      List<String> shown = new ArrayList<>();
      for (String n : names) {
        shown.add(Web.redactName(n));
        samples.add(new SampleField("ftp /", "filename", n));
      }
      evidence.add("NLST: " + shown);
      Exposure exposure = ctx.detect(samples);
      Finding f =
          ctx.finding(this, "ftp.anonymous")
              .severity(Severity.MEDIUM)
              .detailArgs(
                  id.productName().orElse("FTP"),
                  ctx.host(),
                  String.valueOf(ctx.port()),
                  String.valueOf(names.size()))
              .evidence(evidence)
              .exposure(exposure)
              .build();
      return CheckResult.open(id, Auth.NONE, List.of(f));
    }
  }

  /** NLST of the login directory over a passive data connection; empty when it fails. */
  private static List<String> list(CheckContext ctx, Connection control) throws IOException {
    Optional<Integer> port = passivePort(control);
    if (port.isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (Connection data = ctx.connectTo(port.get(), false)) {
      Reply start = Reply.send(control, "NLST");
      if (start.code() != 150 && start.code() != 125) {
        return List.of();
      }
      String listing = new String(data.readAvailable(64 * 1024), StandardCharsets.UTF_8);
      for (String line : listing.split("\r?\n")) {
        if (!line.isBlank() && names.size() < MAX_NAMES) {
          names.add(line.trim());
        }
      }
    }
    Reply.read(control); // 226 Transfer complete
    return names;
  }

  private static Optional<Integer> passivePort(Connection c) throws IOException {
    Reply epsv = Reply.send(c, "EPSV");
    Matcher m = EPSV.matcher(epsv.text());
    if (epsv.code() == 229 && m.find()) {
      return Optional.of(Integer.parseInt(m.group(1)));
    }
    Reply pasv = Reply.send(c, "PASV");
    Matcher p = PASV.matcher(pasv.text());
    if (pasv.code() == 227 && p.find()) {
      return Optional.of(Integer.parseInt(p.group(5)) * 256 + Integer.parseInt(p.group(6)));
    }
    return Optional.empty();
  }

  private static void quietly(Connection c, String command) {
    try {
      c.write(command + "\r\n");
    } catch (IOException e) {
      // the session is over either way
    }
  }

  /** One FTP reply: the code and the text of its last line (multi-line replies are joined). */
  record Reply(int code, String text) {
    static Reply send(Connection c, String command) throws IOException {
      c.write(command + "\r\n");
      return read(c);
    }

    static Reply read(Connection c) throws IOException {
      StringBuilder all = new StringBuilder();
      String line = c.readLine(4096);
      all.append(line);
      if (line.length() < 3) {
        return new Reply(-1, line);
      }
      String code = line.substring(0, 3);
      if (line.length() > 3 && line.charAt(3) == '-') {
        for (int i = 0; i < 100; i++) {
          line = c.readLine(4096);
          all.append('\n').append(line);
          if (line.startsWith(code + " ")) {
            break;
          }
        }
      }
      try {
        return new Reply(Integer.parseInt(code), all.toString());
      } catch (NumberFormatException e) {
        return new Reply(-1, all.toString());
      }
    }
  }
}
