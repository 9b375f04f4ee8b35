package dev.moat.scan.check.tomcat;

import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.Severity;
import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Http;
import dev.moat.scan.check.Identity;
import dev.moat.scan.check.web.Web;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tomcat's Manager application with a default password. {@code GET /manager/html} must answer 401
 * with {@code WWW-Authenticate: Basic realm="Tomcat Manager Application"}; then a short list of
 * default pairs is tried, at most two per user name so Tomcat's LockOutRealm (five failures) never
 * locks a real account. 200 with {@code Tomcat Web Application Manager} = default credentials. A
 * 403 naming {@code manager-gui} is the RemoteAddrValve refusing this address (the manager exists
 * but is restricted): locked.
 *
 * <p>Read-only: GET of the manager's list page with Basic credentials. Never deploy, undeploy,
 * start, stop or reload.
 */
public final class TomcatManagerCheck implements Check {
  static final String ID = "tomcat";
  private static final String PATH = "/manager/html";
  private static final String REALM = "Tomcat Manager Application";

  /** user:password pairs from Tomcat's own examples and common installer defaults. */
  static final List<String[]> DEFAULTS =
      List.of(
          new String[] {"tomcat", "tomcat"},
          new String[] {"tomcat", "s3cret"},
          new String[] {"admin", "admin"},
          new String[] {"admin", ""},
          new String[] {"manager", "manager"},
          new String[] {"root", "root"});

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<String> services() {
    return Set.of("http", "https");
  }

  @Override
  public CheckResult run(CheckContext ctx) {
    Optional<Http.Response> challenge = Web.get(ctx, PATH);
    if (challenge.isEmpty()) {
      return CheckResult.notApplicable();
    }
    Http.Response c = challenge.get();
    Identity id = Identity.of("http", "Apache Tomcat", null);
    if (c.status() == 403 && c.text().contains("manager-gui")) {
      return CheckResult.locked(id);
    }
    if (c.status() != 401 || !c.header("WWW-Authenticate").orElse("").contains(REALM)) {
      return CheckResult.notApplicable();
    }
    for (String[] pair : DEFAULTS) {
      Optional<Http.Response> r =
          Web.get(ctx, PATH, Map.of("Authorization", Http.basic(pair[0], pair[1])));
      if (r.isPresent()
          && r.get().status() == 200
          && r.get().text().contains("Tomcat Web Application Manager")) {
        Finding f =
            ctx.finding(this, "tomcat.default-credentials")
                .severity(Severity.CRITICAL)
                .detailArgs(ctx.host(), String.valueOf(ctx.port()), pair[0])
                .evidence(
                    "GET " + PATH + " → 401 realm \"" + REALM + "\"",
                    "GET "
                        + PATH
                        + " as "
                        + pair[0]
                        + " / "
                        + "*".repeat(pair[1].length())
                        + " → 200 Tomcat Web Application Manager")
                .build();
        return CheckResult.open(id, Auth.DEFAULT_CREDENTIALS, List.of(f));
      }
      if (r.isPresent() && r.get().status() == 403 && r.get().text().contains("manager-gui")) {
        // valid credentials without the manager-gui role, or the address valve: not a finding
        return CheckResult.locked(id);
      }
    }
    return CheckResult.locked(id);
  }
}
