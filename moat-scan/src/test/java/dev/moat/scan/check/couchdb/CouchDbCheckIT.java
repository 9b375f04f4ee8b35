package dev.moat.scan.check.couchdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.core.Severity;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.testing.DocumentedHttpServer;
import dev.moat.testing.DocumentedHttpServer.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CouchDB has no Debian 12 package, so it is a test server answering with the responses of the
 * CouchDB 3.3 API reference (docs.couchdb.org: {@code GET /}, {@code GET /_all_dbs}, {@code GET
 * /{db}/_all_docs?include_docs=true}, and the 401 {@code {"error":"unauthorized","reason":"You are
 * not a server admin."}} of {@code admin_only_all_dbs}).
 */
final class CouchDbCheckIT {
  static final String WELCOME =
      "{\"couchdb\":\"Welcome\",\"version\":\"3.3.2\",\"git_sha\":\"11a234070\",\"uuid\":"
          + "\"ce596c65d4a5b3d8d8d5b4a2b9e1a3c0\",\"features\":[\"access-ready\",\"partitioned\"],"
          + "\"vendor\":{\"name\":\"The Apache Software Foundation\"}}";

  private static DocumentedHttpServer open;
  private static DocumentedHttpServer locked;

  @BeforeAll
  static void start() {
    open =
        DocumentedHttpServer.builder()
            .get("/", Response.json(WELCOME))
            .get("/_all_dbs", Response.json("[\"_replicator\",\"_users\",\"crm\"]"))
            .get(
                "/_users/_all_docs?limit=1",
                Response.of(
                    401,
                    "application/json",
                    "{\"error\":\"unauthorized\",\"reason\":\"You are not a server admin.\"}"))
            .get(
                "/crm/_all_docs",
                Response.json(
                    "{\"total_rows\":1,\"offset\":0,\"rows\":[{\"id\":\"c1\",\"key\":\"c1\","
                        + "\"value\":{\"rev\":\"1-967a00dff5e02add41819138abb3284d\"},\"doc\":"
                        + "{\"_id\":\"c1\",\"_rev\":\"1-967a00dff5e02add41819138abb3284d\","
                        + "\"name\":\"张三\",\"mobile\":\"13812345678\"}}]}"))
            .start();
    locked =
        DocumentedHttpServer.builder()
            .get("/", Response.json(WELCOME))
            .fallback(
                Response.of(
                    401,
                    "application/json",
                    "{\"error\":\"unauthorized\",\"reason\":\"You are not a server admin.\"}"))
            .start();
  }

  @AfterAll
  static void stop() {
    open.close();
    locked.close();
  }

  @Test
  void publicCouchDb_isFoundWithDocumentExposure() {
    PortResult r = ScanTesting.inspect(open.port());

    assertThat(r.service().service()).isEqualTo("couchdb");
    assertThat(r.service().version()).isEqualTo("3.3.2");
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("couchdb.no-auth");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.exposure()).containsEntry("CN_MOBILE", 1);
              assertThat(String.join("\n", f.evidence())).doesNotContain("13812345678");
            });
    assertThat(open.methods()).containsOnly("GET");
  }

  @Test
  void adminOnlyAllDbs_isRequiredWithNoFinding() {
    PortResult r = ScanTesting.inspect(locked.port());

    assertThat(r.service().service()).isEqualTo("couchdb");
    assertThat(r.service().auth()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }
}
