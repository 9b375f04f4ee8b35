package dev.moat.scan.check.redis;

import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.Severity;
import dev.moat.discover.RedisSampler;
import dev.moat.discover.RedisTarget;
import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Connection;
import dev.moat.scan.check.Exposure;
import dev.moat.scan.check.Identity;
import dev.moat.scan.check.Probe;
import dev.moat.scan.check.Recognition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Redis without a password. Recognised by {@code PING} ({@code +PONG}, or one of the auth errors
 * only Redis gives); verified by {@code INFO}, which returns server data only to an authenticated
 * (or unprotected) client. {@code -NOAUTH}, {@code -WRONGPASS}, {@code -NOPERM} and the old {@code
 * -ERR operation not permitted} mean locked. {@code -DENIED} is protected mode: no password is set,
 * but this vantage point is refused; that is reported as a low finding, not as open.
 *
 * <p>Read-only: PING, INFO, SELECT (session only), SCAN, TYPE, GETRANGE, HSCAN, LRANGE, SSCAN,
 * ZRANGE. Never CONFIG, never a write.
 */
public final class RedisCheck implements Check {
  static final String SERVICE = "redis";
  private static final byte[] PING = "*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII);

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
    return Set.of(6379, 6380, 16379);
  }

  @Override
  public List<Probe> probes() {
    return List.of(Probe.send("resp-ping", PING, 20, RedisCheck::recognise));
  }

  static Recognition recognise(byte[] data, int length, boolean closed) {
    if (length == 0) {
      return closed ? Recognition.NO : Recognition.MORE;
    }
    if (data[0] != '+' && data[0] != '-') {
      return Recognition.NO;
    }
    int eol = indexOf(data, length, (byte) '\n');
    if (eol < 0) {
      return closed || length > 512 ? Recognition.NO : Recognition.MORE;
    }
    String line = new String(data, 0, eol, StandardCharsets.UTF_8).trim();
    boolean redis =
        line.equals("+PONG")
            || line.startsWith("-NOAUTH ")
            || line.startsWith("-WRONGPASS ")
            || line.startsWith("-NOPERM ")
            || line.startsWith("-DENIED Redis is running in protected mode")
            || line.equals("-ERR operation not permitted");
    return redis ? Recognition.match(Identity.of(SERVICE, "Redis", null)) : Recognition.NO;
  }

  private static int indexOf(byte[] data, int length, byte b) {
    for (int i = 0; i < length; i++) {
      if (data[i] == b) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public CheckResult run(CheckContext ctx) throws IOException {
    try (Connection c = ctx.connect()) {
      Resp resp = new Resp(c);
      Object info = resp.call("INFO");
      Identity redis =
          ctx.identity().productName().isPresent()
              ? ctx.identity()
              : Identity.of(SERVICE, "Redis", null);
      if (info instanceof Resp.RespError err) {
        return onError(ctx, redis, err.message());
      }
      if (!(info instanceof String text) || !text.contains("redis_version:")) {
        return CheckResult.undetermined(redis);
      }
      Map<String, String> fields = parseInfo(text);
      Identity found = redis.withVersion(fields.get("redis_version"));
      List<String> evidence = new ArrayList<>();
      for (String k : List.of("redis_version", "redis_mode", "os", "role", "uptime_in_days")) {
        if (fields.containsKey(k)) {
          evidence.add(k + ":" + fields.get(k));
        }
      }
      long keys = 0;
      for (Map.Entry<String, String> e : fields.entrySet()) {
        if (e.getKey().matches("db\\d+")) {
          evidence.add(e.getKey() + ":" + e.getValue());
          keys += keyCount(e.getValue());
        }
      }
      Exposure exposure = Exposure.NONE;
      if (ctx.sampling() && keys > 0) {
        // Sampled through moat-discover's RedisSampler: SCAN-based, read-only, bounded.
        RedisTarget target = RedisTarget.of(ctx.address().getHostAddress(), ctx.port());
        exposure = ctx.detect(RedisSampler.of(target).sample(ctx.sampleLimits()));
      }
      Finding f =
          ctx.finding(this, "redis.no-auth")
              .severity(Severity.CRITICAL)
              .detailArgs(
                  found.productVersion().orElse("?"),
                  ctx.host(),
                  String.valueOf(ctx.port()),
                  String.valueOf(keys),
                  ctx.loopback() ? 1 : 0)
              .evidence(evidence)
              .exposure(exposure)
              .build();
      return CheckResult.open(found, Auth.NONE, List.of(f));
    }
  }

  private CheckResult onError(CheckContext ctx, Identity redis, String message) {
    if (message.startsWith("DENIED")) {
      Finding f =
          ctx.finding(this, "redis.protected-mode")
              .severity(Severity.LOW)
              .detailArgs(ctx.host(), String.valueOf(ctx.port()))
              .evidence("-" + message.lines().findFirst().orElse(message))
              .build();
      return new CheckResult(redis, Auth.UNKNOWN, List.of(f));
    }
    String upper = message.toUpperCase(Locale.ROOT);
    if (upper.startsWith("NOAUTH")
        || upper.startsWith("WRONGPASS")
        || upper.startsWith("NOPERM")
        || upper.startsWith("ERR OPERATION NOT PERMITTED")) {
      return CheckResult.locked(redis);
    }
    return CheckResult.undetermined(redis);
  }

  static Map<String, String> parseInfo(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && !line.startsWith("#")) {
        out.put(line.substring(0, colon), line.substring(colon + 1).trim());
      }
    }
    return out;
  }

  private static long keyCount(String dbLine) {
    // db0:keys=12,expires=0,avg_ttl=0
    for (String part : dbLine.split(",")) {
      if (part.startsWith("keys=")) {
        try {
          return Long.parseLong(part.substring(5));
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 0;
  }
}
