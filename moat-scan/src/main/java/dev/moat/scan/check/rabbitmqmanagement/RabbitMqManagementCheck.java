package dev.moat.scan.check.rabbitmqmanagement;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.Severity;
import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Exposure;
import dev.moat.scan.check.Http;
import dev.moat.scan.check.Identity;
import dev.moat.scan.check.SampleField;
import dev.moat.scan.check.web.Web;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The RabbitMQ management API (the {@code rabbitmq_management} plugin, HTTP on 15672 or any port)
 * with the factory account {@code guest/guest}. Recognised on any HTTP port by {@code GET
 * /api/overview} without credentials: 401 with {@code WWW-Authenticate: Basic realm="RabbitMQ
 * Management"}. Verified by {@code GET /api/whoami} as {@code guest/guest}: 200 with {@code
 * "name":"guest"} is open (its {@code tags} say whether guest is an administrator); 401 is locked.
 * When open, {@code GET /api/overview} gives the versions, cluster name and object counts, and
 * {@code GET /api/queues} (first page of 20, names and message counts only) the queue names, which
 * go to detection.
 *
 * <p>As with AMQP, RabbitMQ lets {@code guest} in only from loopback by default ({@code
 * loopback_users}); a success from loopback is reported as such (medium), one from the network
 * means {@code loopback_users} was cleared (critical for an administrator, else high).
 *
 * <p>Read-only: GET only, never a PUT, POST or DELETE; no message is fetched (the API's "get
 * messages" is a POST that consumes and requeues, so it is never called).
 */
public final class RabbitMqManagementCheck implements Check {
  static final String SERVICE = "rabbitmq-management";
  static final String REALM = "RabbitMQ Management";
  private static final int QUEUES_SHOWN = 20;

  @Override
  public String id() {
    return SERVICE;
  }

  @Override
  public Set<String> services() {
    return Set.of(SERVICE, "http", "https");
  }

  @Override
  public Set<Integer> defaultPorts() {
    return Set.of(15672);
  }

  @Override
  public CheckResult run(CheckContext ctx) {
    Optional<Http.Response> anonymous = Web.get(ctx, "/api/overview");
    if (anonymous.isEmpty() || !managementApi(anonymous.get())) {
      return CheckResult.notApplicable();
    }
    Identity id = Identity.of(SERVICE, "RabbitMQ Management", null);
    Map<String, String> guest = Map.of("Authorization", Http.basic("guest", "guest"));
    Optional<Http.Response> whoami = Web.get(ctx, "/api/whoami", guest);
    if (whoami.isEmpty()) {
      return CheckResult.undetermined(id);
    }
    int status = whoami.get().status();
    if (status == 401 || status == 403) {
      return CheckResult.locked(id);
    }
    Optional<JsonNode> me = Web.json(whoami);
    if (me.isEmpty() || !"guest".equals(me.get().path("name").asText())) {
      return CheckResult.undetermined(id);
    }
    String tags = tags(me.get().path("tags"));
    boolean admin = tags.contains("administrator");
    Optional<JsonNode> overview = Web.json(Web.get(ctx, "/api/overview", guest));
    String version = overview.map(o -> o.path("rabbitmq_version").asText("")).orElse("");
    Identity found = id.withVersion(version.isEmpty() ? null : version);
    List<String> evidence = new ArrayList<>();
    evidence.add("GET /api/overview without credentials → 401, realm \"" + REALM + "\"");
    evidence.add("GET /api/whoami as guest/guest → 200, tags: " + (tags.isEmpty() ? "-" : tags));
    overview.ifPresent(o -> evidence.add(describe(o)));
    List<SampleField> samples = new ArrayList<>();
    List<String> queues = new ArrayList<>();
    Web.json(
            Web.get(
                ctx,
                "/api/queues?page=1&page_size=" + QUEUES_SHOWN + "&columns=name,vhost,messages",
                guest))
        .ifPresent(
            page ->
                page.path("items")
                    .forEach(
                        q -> {
                          String name = q.path("name").asText("");
                          samples.add(new SampleField(q.path("vhost").asText("/"), "queue", name));
                          queues.add(
                              Web.redactName(name)
                                  + (q.has("messages") ? " (" + q.path("messages") + ")" : ""));
                        }));
    evidence.add("GET /api/queues (first " + QUEUES_SHOWN + "): " + queues);
    Exposure exposure = ctx.detect(samples);
    boolean loopback = ctx.loopback();
    Severity severity = loopback ? Severity.MEDIUM : admin ? Severity.CRITICAL : Severity.HIGH;
    Finding f =
        ctx.finding(this, "rabbitmq-management.guest")
            .service(SERVICE)
            .severity(severity)
            .detailArgs(
                found.productVersion().orElse("?"),
                ctx.host(),
                String.valueOf(ctx.port()),
                admin ? 1 : 0,
                loopback ? 1 : 0)
            .evidence(evidence)
            .exposure(exposure)
            .build();
    return CheckResult.open(found, Auth.DEFAULT_CREDENTIALS, List.of(f));
  }

  /** The API's answer to a request without credentials: 401 naming the management realm. */
  static boolean managementApi(Http.Response r) {
    return r.status() == 401
        && r.header("WWW-Authenticate")
            .map(v -> v.toLowerCase(Locale.ROOT).contains(REALM.toLowerCase(Locale.ROOT)))
            .orElse(false);
  }

  /** {@code tags} is an array since 3.9 and a comma-separated string before. */
  static String tags(JsonNode tags) {
    if (tags.isArray()) {
      List<String> out = new ArrayList<>();
      tags.forEach(t -> out.add(t.asText()));
      return String.join(",", out);
    }
    return tags.asText("");
  }

  private static String describe(JsonNode o) {
    JsonNode t = o.path("object_totals");
    return String.format(
        Locale.ROOT,
        "RabbitMQ %s, cluster %s: %d connections, %d queues, %d exchanges, %d consumers",
        o.path("rabbitmq_version").asText("?"),
        Web.clip(o.path("cluster_name").asText("?"), 80),
        t.path("connections").asLong(),
        t.path("queues").asLong(),
        t.path("exchanges").asLong(),
        t.path("consumers").asLong());
  }
}
