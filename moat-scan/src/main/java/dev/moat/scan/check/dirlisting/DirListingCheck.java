package dev.moat.scan.check.dirlisting;

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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Directory listing (auto-index) enabled. A page counts only with both markers of one server's
 * auto-index: {@code <title>Index of /path</title>} and {@code <h1>Index of /path</h1>} (nginx,
 * Apache, lighttpd), or Python's {@code Directory listing for /path} title and heading — a page
 * that merely mentions "Index of" is not enough. Paths tried: {@code /} and a few common asset and
 * upload directories; the first listing found is reported with its first entries.
 *
 * <p>Read-only: GET of the listing pages only; listed files are not downloaded. File names go to
 * detection (names like {@code 身份证_张三.jpg} or {@code 13812345678.pdf} expose data by themselves)
 * and are shown with long digit runs masked.
 */
public final class DirListingCheck implements Check {
  static final String ID = "dirlisting";
  private static final List<String> PATHS =
      List.of("/", "/upload/", "/uploads/", "/files/", "/backup/", "/static/", "/images/");
  private static final Pattern HREF = Pattern.compile("<a href=\"([^\"?#]+)\"");
  private static final int MAX_ENTRIES = 20;

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
    for (String path : PATHS) {
      Optional<Http.Response> r = Web.get(ctx, path);
      if (r.isEmpty() || r.get().status() != 200 || !listing(r.get().text(), path)) {
        continue;
      }
      List<String> names = entries(r.get().text());
      List<String> shown = new ArrayList<>();
      List<SampleField> samples = new ArrayList<>();
      for (String n : names) {
        shown.add(Web.redactName(n));
        samples.add(new SampleField(path, "filename", n));
      }
      Exposure exposure = ctx.detect(samples);
      Finding f =
          ctx.finding(this, "dirlisting.enabled")
              .severity(Severity.MEDIUM)
              .detailArgs(
                  ctx.host(), String.valueOf(ctx.port()), path, String.valueOf(names.size()))
              .evidence("GET " + path + ": " + shown)
              .exposure(exposure)
              .key(path)
              .build();
      return new CheckResult(null, Auth.NONE, List.of(f));
    }
    return CheckResult.notApplicable();
  }

  /** True when {@code html} is an auto-index page of {@code path}. */
  static boolean listing(String html, String path) {
    String p = Pattern.quote(path);
    boolean index =
        Pattern.compile("<title>\\s*Index of " + p + "\\s*</title>", Pattern.CASE_INSENSITIVE)
                .matcher(html)
                .find()
            && Pattern.compile("<h1>\\s*Index of " + p + "\\s*</h1>", Pattern.CASE_INSENSITIVE)
                .matcher(html)
                .find();
    boolean python =
        html.contains("<title>Directory listing for " + path + "</title>")
            && html.contains("<h1>Directory listing for " + path + "</h1>");
    return index || python;
  }

  static List<String> entries(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = HREF.matcher(html);
    while (m.find() && out.size() < MAX_ENTRIES) {
      String name = java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
      if (!name.equals("../") && !name.startsWith("/") && !name.startsWith("?")) {
        out.add(name);
      }
    }
    return out;
  }
}
