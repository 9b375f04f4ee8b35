package dev.moat.scan.check.vcs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.Severity;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.testing.DocumentedHttpServer;
import dev.moat.testing.DocumentedHttpServer.Response;
import dev.moat.testing.HttpServers;
import dev.moat.testing.LocalServer;
import dev.moat.testing.ServerFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real nginx over a document root holding a git working copy (with a credential in its remote URL),
 * an svn {@code entries} file and a file named after a phone number: once with autoindex on and
 * dot-directories served, once with autoindex off and {@code .git}/{@code .svn} denied. A catch-all
 * server answering 200 with an HTML shell for every path is the false-positive fixture.
 */
final class WebExposureIT {
  private static LocalServer open;
  private static LocalServer locked;
  private static DocumentedHttpServer catchAll;

  @BeforeAll
  static void start() {
    Path root = ServerFiles.tempDir("docroot");
    ServerFiles.chmod(root, "rwxr-xr-x");
    ServerFiles.write(root.resolve("13812345678.pdf"), "x");
    ServerFiles.write(root.resolve("report.csv"), "x");
    ServerFiles.write(root.resolve(".svn/entries"), "12\n\ndir\n1\nhttps://svn.example/crm\n");
    ServerFiles.run(
        Duration.ofSeconds(20), List.of("git", "init", "-q", "-b", "master", root.toString()));
    ServerFiles.run(
        Duration.ofSeconds(20),
        List.of(
            "git",
            "-C",
            root.toString(),
            "remote",
            "add",
            "origin",
            "https://deploy:glpat-s3cr3tT0ken@git.example.com/crm.git"));
    open = HttpServers.nginx(root, true, false);
    locked = HttpServers.nginx(root, false, true);
    String shell = "<!doctype html><html><body><div id=app></div></body></html>";
    catchAll =
        DocumentedHttpServer.builder().fallback(Response.of(200, "text/html", shell)).start();
  }

  @AfterAll
  static void stop() {
    open.close();
    locked.close();
    catchAll.close();
  }

  private static Finding finding(PortResult r, String check) {
    return r.findings().stream().filter(f -> f.check().equals(check)).findFirst().orElseThrow();
  }

  @Test
  void exposedGit_isHighWithMaskedRemote() {
    Finding git = finding(ScanTesting.inspect(open.port()), "vcs.git-exposed");

    assertThat(git.severity()).isEqualTo(Severity.HIGH);
    assertThat(git.evidence())
        .contains(
            "GET /.git/HEAD: ref: refs/heads/master",
            "remote url = https://***@git.example.com/crm.git");
    assertThat(String.join("\n", git.evidence())).doesNotContain("s3cr3t");
  }

  @Test
  void exposedSvn_isFound() {
    Finding svn = finding(ScanTesting.inspect(open.port()), "vcs.svn-exposed");

    assertThat(svn.evidence()).containsExactly("GET /.svn/entries: format 12");
  }

  @Test
  void autoindex_isListingWithMaskedNames() {
    PortResult r = ScanTesting.inspect(open.port());
    Finding listing = finding(r, "dirlisting.enabled");

    assertThat(r.service().auth()).isEqualTo(Auth.NONE);
    assertThat(listing.evidence().get(0))
        .startsWith("GET /: ")
        .contains("report.csv", "138******78.pdf");
    assertThat(String.join("\n", listing.evidence())).doesNotContain("13812345678");
  }

  @Test
  void lockedNginx_hasNoFinding() {
    PortResult r = ScanTesting.inspect(locked.port());

    assertThat(r.service().service()).isEqualTo("http");
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void catchAllHost_hasNoFinding() {
    PortResult r = ScanTesting.inspect(catchAll.port());

    assertThat(r.findings()).isEmpty();
    assertThat(catchAll.methods()).doesNotContain("PUT", "POST", "DELETE");
  }
}
