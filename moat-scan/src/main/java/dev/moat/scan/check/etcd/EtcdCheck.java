package dev.moat.scan.check.etcd;

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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * etcd without authentication. Runs on HTTP ports: {@code GET /version} ({@code etcdserver} and
 * {@code etcdcluster}) identifies etcd on any port. Verification is a data read:
 *
 * <ul>
 *   <li>v3: the Range RPC through the JSON gateway ({@code /v3/kv/range}, {@code /v3beta} on 3.3),
 *       all keys from {@code \0}, a small {@code limit}; {@code etcdserver: user name is empty} or
 *       {@code invalid auth token} means auth is on: locked;
 *   <li>v2: {@code GET /v2/keys/} (top level only); 401 (error 110) means locked, 404 means the v2
 *       API is off (the 3.4+ default).
 * </ul>
 *
 * <p>Read-only: GET /version, GET /v2/keys/, and Range — a read RPC that the gateway only exposes
 * as POST. Never Put, DeleteRange, Txn, Lease or auth calls (popular checks PUT a key to "prove"
 * access; this one never does).
 */
public final class EtcdCheck implements Check {
  static final String SERVICE = "etcd";
  private static final String ALL_KEYS = "\"key\":\"AA==\",\"range_end\":\"AA==\"";

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
    return Set.of(2379);
  }

  @Override
  public CheckResult run(CheckContext ctx) {
    Optional<JsonNode> version = Web.json(Web.get(ctx, "/version"));
    if (version.isEmpty() || !version.get().has("etcdserver")) {
      return CheckResult.notApplicable();
    }
    Identity id = Identity.of(SERVICE, "etcd", version.get().path("etcdserver").asText(null));
    List<String> evidence = new ArrayList<>();
    evidence.add("GET /version " + Web.clip(version.get().toString(), 200));
    List<SampleField> samples = new ArrayList<>();
    V3 v3 = v3(ctx, evidence, samples);
    boolean v2 = v2(ctx, evidence);
    if (v3 == V3.OPEN || v2) {
      Exposure exposure = ctx.detect(samples);
      Finding f =
          ctx.finding(this, "etcd.no-auth")
              .service(SERVICE)
              .severity(Severity.HIGH)
              .detailArgs(
                  id.productVersion().orElse("?"),
                  ctx.host(),
                  String.valueOf(ctx.port()),
                  v3 == V3.OPEN ? (v2 ? "v3 + v2" : "v3") : "v2")
              .evidence(evidence)
              .exposure(exposure)
              .build();
      return CheckResult.open(id, Auth.NONE, List.of(f));
    }
    return v3 == V3.LOCKED ? CheckResult.locked(id) : CheckResult.undetermined(id);
  }

  private enum V3 {
    OPEN,
    LOCKED,
    UNKNOWN
  }

  private static V3 v3(CheckContext ctx, List<String> evidence, List<SampleField> samples) {
    String body =
        "{"
            + ALL_KEYS
            + ",\"limit\":"
            + ctx.sampleSize()
            + (ctx.sampling() ? "" : ",\"keys_only\":true")
            + "}";
    Optional<Http.Response> r = Web.readRpc(ctx, "/v3/kv/range", body);
    if (r.isPresent() && r.get().status() == 404) {
      r = Web.readRpc(ctx, "/v3beta/kv/range", body);
    }
    if (r.isEmpty()) {
      return V3.UNKNOWN;
    }
    String text = r.get().text();
    if (text.contains("user name is empty")
        || text.contains("invalid auth token")
        || text.contains("permission denied")
        || r.get().status() == 401) {
      return V3.LOCKED;
    }
    Optional<JsonNode> json = Web.json(r);
    if (json.isEmpty() || !json.get().has("header")) {
      return V3.UNKNOWN;
    }
    JsonNode kvs = json.get().path("kvs");
    String count = json.get().path("count").asText("0");
    List<String> keys = new ArrayList<>();
    for (JsonNode kv : kvs) {
      String key = decode(kv.path("key").asText(""));
      keys.add(Web.redactName(key));
      if (kv.has("value")) {
        samples.add(
            new SampleField(
                "v3 " + Web.redactName(key),
                lastSegment(key),
                decode(kv.path("value").asText(""))));
      }
    }
    evidence.add("v3 Range: " + count + " keys; first " + keys);
    return V3.OPEN;
  }

  private static boolean v2(CheckContext ctx, List<String> evidence) {
    Optional<JsonNode> json = Web.json(Web.get(ctx, "/v2/keys/"));
    if (json.isEmpty() || !"get".equals(json.get().path("action").asText())) {
      return false;
    }
    List<String> nodes = new ArrayList<>();
    for (JsonNode n : json.get().path("node").path("nodes")) {
      nodes.add(Web.redactName(n.path("key").asText("")) + (n.path("dir").asBoolean() ? "/" : ""));
      if (nodes.size() >= 20) {
        break;
      }
    }
    evidence.add("v2 GET /v2/keys/: " + nodes);
    return true;
  }

  private static String decode(String b64) {
    try {
      return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String lastSegment(String key) {
    int slash = key.lastIndexOf('/');
    return slash >= 0 && slash < key.length() - 1 ? key.substring(slash + 1) : key;
  }
}
