package dev.moat.scan.check.vcs;

import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.Severity;
import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Exposure;
import dev.moat.scan.check.Http;
import dev.moat.scan.check.SampleField;
import dev.moat.scan.check.web.Web;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Git or Subversion metadata served by a web server, from which the whole source tree (and often
 * credentials) can be rebuilt.
 *
 * <ul>
 *   <li>git: {@code /.git/HEAD} is {@code ref: refs/…} or a 40-hex commit, <b>and</b> {@code
 *       /.git/config} contains {@code [core]}; neither may be an HTML page (a catch-all host
 *       answering 200 with its SPA shell is not a repository);
 *   <li>svn: {@code /.svn/wc.db} starts with {@code SQLite format 3} (first 16 bytes only, by
 *       Range), or {@code /.svn/entries} is a format number line followed by {@code dir}.
 * </ul>
 *
 * <p>Read-only: a handful of GETs of small files; objects and packs are never downloaded. The
 * remote URL is shown with its user-info masked; the config text goes to detection so tokens in it
 * raise the severity.
 */
public final class VcsCheck implements Check {
  static final String ID = "vcs";
  private static final Pattern HEAD = Pattern.compile("^(ref: refs/\\S+|[0-9a-f]{40})\\s*$");
  private static final Pattern REMOTE_URL = Pattern.compile("(?m)^\\s*url\\s*=\\s*(\\S+)");
  private static final Pattern USERINFO = Pattern.compile("://[^/@\\s]+@");
  private static final Pattern SVN_ENTRIES = Pattern.compile("^\\d+\\r?\\n[\\s\\S]*?\\bdir\\b");

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
    List<Finding> findings = new ArrayList<>();
    git(ctx).ifPresent(findings::add);
    svn(ctx).ifPresent(findings::add);
    return findings.isEmpty()
        ? CheckResult.notApplicable()
        : new CheckResult(null, Auth.NONE, findings);
  }

  private Optional<Finding> git(CheckContext ctx) {
    Optional<Http.Response> head = Web.get(ctx, "/.git/HEAD");
    if (head.isEmpty() || head.get().status() != 200 || Web.html(head.get())) {
      return Optional.empty();
    }
    String headText = head.get().text().strip();
    if (!HEAD.matcher(headText).matches()) {
      return Optional.empty();
    }
    Optional<Http.Response> config = Web.get(ctx, "/.git/config");
    if (config.isEmpty()
        || config.get().status() != 200
        || Web.html(config.get())
        || !config.get().text().contains("[core]")) {
      return Optional.empty();
    }
    String text = config.get().text();
    List<String> evidence = new ArrayList<>();
    evidence.add("GET /.git/HEAD: " + Web.clip(headText, 100));
    Matcher url = REMOTE_URL.matcher(text);
    while (url.find() && evidence.size() < 4) {
      evidence.add(
          "remote url = " + Web.clip(USERINFO.matcher(url.group(1)).replaceAll("://***@"), 200));
    }
    boolean credentials = USERINFO.matcher(text).find() || text.contains("[credential");
    Exposure exposure = ctx.detect(List.of(new SampleField("/.git/config", "config", text)));
    return Optional.of(
        ctx.finding(this, "vcs.git-exposed")
            .severity(credentials ? Severity.HIGH : Severity.MEDIUM)
            .detailArgs(ctx.host(), String.valueOf(ctx.port()), credentials ? 1 : 0)
            .evidence(evidence)
            .exposure(exposure)
            .key("git")
            .build());
  }

  private Optional<Finding> svn(CheckContext ctx) {
    Optional<Http.Response> db = Web.get(ctx, "/.svn/wc.db", Map.of("Range", "bytes=0-15"));
    String evidence = null;
    if (db.isPresent()
        && (db.get().status() == 200 || db.get().status() == 206)
        && db.get().text().startsWith("SQLite format 3")) {
      evidence = "GET /.svn/wc.db: SQLite format 3 (working-copy database)";
    } else {
      Optional<Http.Response> entries = Web.get(ctx, "/.svn/entries");
      if (entries.isPresent()
          && entries.get().status() == 200
          && !Web.html(entries.get())
          && SVN_ENTRIES.matcher(entries.get().text()).lookingAt()) {
        evidence =
            "GET /.svn/entries: format " + entries.get().text().lines().findFirst().orElse("?");
      }
    }
    if (evidence == null) {
      return Optional.empty();
    }
    return Optional.of(
        ctx.finding(this, "vcs.svn-exposed")
            .severity(Severity.MEDIUM)
            .detailArgs(ctx.host(), String.valueOf(ctx.port()))
            .evidence(evidence)
            .key("svn")
            .build());
  }
}
