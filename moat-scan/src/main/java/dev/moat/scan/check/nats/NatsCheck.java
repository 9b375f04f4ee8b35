package dev.moat.scan.check.nats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.Severity;
import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Connection;
import dev.moat.scan.check.Identity;
import dev.moat.scan.check.Probe;
import dev.moat.scan.check.Recognition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * NATS without authentication. Recognised by the {@code INFO {…}} banner. Verified by {@code
 * CONNECT} with no credentials followed by {@code PING}: {@code PONG} means open; {@code -ERR
 * 'Authorization Violation'} (or {@code auth_required} in INFO with no PONG) means locked.
 *
 * <p>Read-only: no subscription is made (subscribing to {@code >} would read live traffic).
 */
public final class NatsCheck implements Check {
  static final String SERVICE = "nats";

  /** A streaming parser suffices for INFO's flat object, and costs no data-binding set-up. */
  private static final JsonFactory JSON = new JsonFactory();

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
    return Set.of(4222);
  }

  @Override
  public List<Probe> probes() {
    return List.of(Probe.banner("nats-info", NatsCheck::recognise));
  }

  static Recognition recognise(byte[] d, int length, boolean closed) {
    String prefix = "INFO {";
    int n = Math.min(length, prefix.length());
    for (int i = 0; i < n; i++) {
      if (d[i] != prefix.charAt(i)) {
        return Recognition.NO;
      }
    }
    if (length < prefix.length()) {
      return closed ? Recognition.NO : Recognition.MORE;
    }
    String line = new String(d, 0, length, StandardCharsets.UTF_8);
    int eol = line.indexOf('\n');
    if (eol < 0) {
      return closed || length > 8192 ? Recognition.NO : Recognition.MORE;
    }
    Map<String, String> info = info(line.substring(0, eol));
    if (info == null || !info.containsKey("server_id")) {
      return Recognition.NO;
    }
    return Recognition.match(Identity.of(SERVICE, "NATS", info.get("version")));
  }

  /**
   * The scalar fields (as text) of the JSON object on an {@code INFO} line, or null when it holds
   * none or is malformed; nested objects and arrays are skipped.
   */
  static @Nullable Map<String, String> info(String line) {
    try (JsonParser p = JSON.createParser(line.substring("INFO ".length()).trim())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      JsonToken t = p.nextToken();
      for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          p.skipChildren();
        } else if (value != null && value != JsonToken.VALUE_NULL) {
          fields.put(name, p.getText());
        }
      }
      return t == JsonToken.END_OBJECT ? fields : null;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public CheckResult run(CheckContext ctx) throws IOException {
    try (Connection c = ctx.connect()) {
      String line = c.readLine(64 * 1024);
      Map<String, String> info = line.startsWith("INFO ") ? info(line) : null;
      if (info == null) {
        return CheckResult.notApplicable();
      }
      Identity id = Identity.of(SERVICE, "NATS", info.get("version"));
      c.write(
          "CONNECT {\"verbose\":false,\"pedantic\":false,\"name\":\"moat-scan\",\"lang\":\"java\","
              + "\"version\":\"0.1.0\",\"protocol\":1}\r\nPING\r\n");
      String reply = c.readLine(64 * 1024);
      while (reply.startsWith("INFO ")) {
        reply = c.readLine(64 * 1024); // an updated INFO may come first
      }
      if (!reply.equals("PONG")) {
        return reply.startsWith("-ERR") ? CheckResult.locked(id) : CheckResult.undetermined(id);
      }
      List<String> evidence = new ArrayList<>();
      for (String k :
          List.of("version", "server_name", "go", "jetstream", "cluster", "max_payload")) {
        String v = info.get(k);
        if (v != null) {
          evidence.add(k + ": " + v);
        }
      }
      evidence.add("CONNECT without credentials answered PONG");
      Finding f =
          ctx.finding(this, "nats.no-auth")
              .severity(Severity.HIGH)
              .detailArgs(id.productVersion().orElse("?"), ctx.host(), String.valueOf(ctx.port()))
              .evidence(evidence)
              .build();
      return CheckResult.open(id, Auth.NONE, List.of(f));
    }
  }
}
