package dev.moat.scan.check.swagger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.testing.DocumentedHttpServer;
import dev.moat.testing.DocumentedHttpServer.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * springdoc-style responses (an OpenAPI 3.0 document at {@code /v3/api-docs} as the OpenAPI
 * specification's petstore example, and the Swagger UI page) from a test server; a server that
 * answers 401 on those paths and a catch-all HTML host must give no finding.
 */
final class SwaggerCheckIT {
  static final String OPENAPI =
      "{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"CRM API\",\"version\":\"v1\"},"
          + "\"paths\":{\"/api/customers\":{\"get\":{\"operationId\":\"list\"},\"post\":"
          + "{\"operationId\":\"create\"}},\"/api/customers/{id}\":{\"get\":{\"operationId\":"
          + "\"get\"},\"delete\":{\"operationId\":\"delete\"}}}}";

  private static DocumentedHttpServer open;
  private static DocumentedHttpServer locked;
  private static DocumentedHttpServer catchAll;

  @BeforeAll
  static void start() {
    open =
        DocumentedHttpServer.builder()
            .get("/v3/api-docs", Response.json(OPENAPI))
            .get(
                "/swagger-ui/index.html",
                Response.of(
                    200,
                    "text/html",
                    "<!DOCTYPE html><html><head><title>Swagger UI</title><link rel=\"stylesheet\""
                        + " href=\"./swagger-ui.css\"></head><body><div id=\"swagger-ui\"></div>"
                        + "<script src=\"./swagger-ui-bundle.js\"></script></body></html>"))
            .start();
    locked =
        DocumentedHttpServer.builder()
            .basicAuth("/", "api", "dev:Str0ng-pass")
            .get("/v3/api-docs", Response.json(OPENAPI))
            .start();
    catchAll =
        DocumentedHttpServer.builder()
            .fallback(Response.of(200, "text/html", "<!doctype html><html><body>app</body></html>"))
            .start();
  }

  @AfterAll
  static void stop() {
    open.close();
    locked.close();
    catchAll.close();
  }

  @Test
  void openApiDocs_isLowFindingWithCounts() {
    PortResult r = ScanTesting.inspect(open.port());

    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("swagger.exposed");
              assertThat(f.detail()).contains("CRM API", "2 paths", "4 operations");
              assertThat(f.evidence()).contains("GET /swagger-ui/index.html: Swagger UI");
            });
  }

  @Test
  void protectedDocsAndCatchAll_areNoFinding() {
    assertThat(ScanTesting.inspect(locked.port()).findings()).isEmpty();
    assertThat(ScanTesting.inspect(catchAll.port()).findings()).isEmpty();
  }
}
