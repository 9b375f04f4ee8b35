package dev.moat.scan.check.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.core.Severity;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.testing.DocumentedHttpServer;
import dev.moat.testing.DocumentedHttpServer.Response;
import dev.moat.testing.HttpServers;
import dev.moat.testing.LocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real prometheus-node-exporter 1.5 (open, and with basic auth through --web.config.file), and a
 * Prometheus server API answered from the documented responses of the Prometheus HTTP API
 * (prometheus.io/docs/prometheus/latest/querying/api/: status/buildinfo and targets examples),
 * since the Prometheus server package is not part of the test set.
 */
final class PrometheusCheckIT {
  private static LocalServer exporter;
  private static LocalServer lockedExporter;
  private static DocumentedHttpServer server;

  @BeforeAll
  static void start() {
    exporter = HttpServers.nodeExporter(false);
    lockedExporter = HttpServers.nodeExporter(true);
    server =
        DocumentedHttpServer.builder()
            .get(
                "/api/v1/status/buildinfo",
                Response.json(
                    "{\"status\":\"success\",\"data\":{\"version\":\"2.42.0\",\"revision\":\"x\","
                        + "\"branch\":\"HEAD\",\"buildUser\":\"root\",\"buildDate\":\"20230131\","
                        + "\"goVersion\":\"go1.19.5\"}}"))
            .get(
                "/api/v1/targets?state=active",
                Response.json(
                    "{\"status\":\"success\",\"data\":{\"activeTargets\":[{\"discoveredLabels\":"
                        + "{\"__address__\":\"10.0.0.5:9100\"},\"labels\":{\"instance\":"
                        + "\"10.0.0.5:9100\",\"job\":\"node\"},\"scrapePool\":\"node\","
                        + "\"scrapeUrl\":\"http://10.0.0.5:9100/metrics\",\"globalUrl\":"
                        + "\"http://db-01:9100/metrics\",\"lastError\":\"\",\"lastScrape\":"
                        + "\"2017-01-17T15:07:44.723715405+01:00\",\"lastScrapeDuration\":0.05,"
                        + "\"health\":\"up\",\"scrapeInterval\":\"1m\",\"scrapeTimeout\":\"10s\"}],"
                        + "\"droppedTargets\":[]}}"))
            .start();
  }

  @AfterAll
  static void stop() {
    exporter.close();
    lockedExporter.close();
    server.close();
  }

  @Test
  void nodeExporter_isPrometheusExporterWithLowFinding() {
    PortResult r = ScanTesting.inspect(exporter.port());

    assertThat(r.service().service()).isEqualTo("prometheus");
    assertThat(r.service().product()).isEqualTo("node_exporter");
    assertThat(r.service().auth()).as("errors: %s", r.errors()).isEqualTo(Auth.NONE);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("prometheus.metrics-exposed");
              assertThat(f.severity()).isEqualTo(Severity.LOW);
              assertThat(f.evidence()).anyMatch(e -> e.startsWith("node_uname_info"));
            });
  }

  @Test
  void basicAuthExporter_isRequiredWithNoFinding() {
    PortResult r = ScanTesting.inspect(lockedExporter.port());

    assertThat(r.service().auth()).as("errors: %s", r.errors()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void prometheusServer_targetsAreEvidence() {
    PortResult r = ScanTesting.inspect(server.port());

    assertThat(r.service().service()).isEqualTo("prometheus");
    assertThat(r.service().version()).isEqualTo("2.42.0");
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("prometheus.api-exposed");
              assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
              assertThat(f.evidence()).anyMatch(e -> e.contains("http://10.0.0.5:9100/metrics"));
            });
    assertThat(server.methods()).containsOnly("GET");
  }
}
