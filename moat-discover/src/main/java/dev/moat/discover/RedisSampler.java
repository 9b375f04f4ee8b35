package dev.moat.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Samples a Redis database with {@code SCAN} (never {@code KEYS}): keys are grouped into patterns
 * by replacing id-like segments with {@code *} ({@code user:1001} → {@code user:*}), and each
 * pattern becomes one "table" whose columns are hash fields, JSON field paths (strings holding JSON
 * and ReJSON values) or {@code *} for plain strings, lists, sets and sorted sets.
 *
 * <p>Reads only: SCAN, TYPE, GETRANGE, HSCAN, LRANGE, SRANDMEMBER, ZRANGE, JSON.GET. The scan stops
 * after {@code 50 × rowsPerTable} keys so that a huge key space costs a bounded number of round
 * trips; row counts are the keys seen per pattern (exact when the scan completed).
 *
 * <p>For the scanner: {@code RedisSampler.of(RedisTarget.of("10.0.0.5", 6379))
 * .sample(SampleLimits.small(5, 20))}.
 */
public final class RedisSampler implements Sampler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VARIABLE = Pattern.compile(".*\\d.*|[0-9a-fA-F-]{16,}");
  private static final ProtocolCommand JSON_GET =
      () -> "JSON.GET".getBytes(StandardCharsets.US_ASCII);
  private static final int VALUES_PER_KEY = 10;

  private final RedisTarget target;

  private RedisSampler(RedisTarget target) {
    this.target = target;
  }

  /** A sampler for {@code target}. */
  public static RedisSampler of(RedisTarget target) {
    return new RedisSampler(target);
  }

  @Override
  public String displayName() {
    return target.displayName();
  }

  @Override
  public SampleResult sample(SampleLimits limits) {
    int timeout = (int) Math.min(Integer.MAX_VALUE, limits.queryTimeout().toMillis());
    DefaultJedisClientConfig.Builder cfg =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(Math.min(timeout, 10_000))
            .socketTimeoutMillis(timeout)
            .database(target.db())
            .clientName("moat-discover");
    if (target.tls()) {
      cfg.sslOptions(redis.clients.jedis.SslOptions.builder().build());
    }
    if (target.user() != null) {
      cfg.user(target.user());
    }
    if (target.password() != null) {
      cfg.password(target.password());
    }
    try (Jedis jedis = new Jedis(new HostAndPort(target.host(), target.port()), cfg.build())) {
      jedis.ping();
      return read(jedis, limits);
    } catch (JedisAccessControlException e) {
      return failed(Problem.Kind.AUTH, e);
    } catch (JedisConnectionException e) {
      return failed(Problem.Kind.UNREACHABLE, e);
    } catch (JedisException e) {
      String m = String.valueOf(e.getMessage());
      boolean auth = m.contains("NOAUTH") || m.contains("WRONGPASS") || m.contains("NOPERM");
      return failed(auth ? Problem.Kind.AUTH : Problem.Kind.OTHER, e);
    }
  }

  private SampleResult failed(Problem.Kind kind, Exception e) {
    return SampleResult.failed(
        displayName(),
        new Problem(displayName(), kind, Redact.message(JdbcSampler.msg(e), target.password())));
  }

  private SampleResult read(Jedis jedis, SampleLimits limits) {
    int perPattern = limits.rowsPerTable();
    long budget = 50L * perPattern;
    Map<String, List<String>> keysByPattern = new TreeMap<>();
    Map<String, Long> seen = new LinkedHashMap<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    long scanned = 0;
    ScanParams params = new ScanParams().count(1000);
    do {
      ScanResult<String> page = jedis.scan(cursor, params);
      for (String key : page.getResult()) {
        scanned++;
        String pattern = pattern(key);
        if (!limits.accepts(pattern)) {
          continue;
        }
        seen.merge(pattern, 1L, Long::sum);
        List<String> keys = keysByPattern.get(pattern);
        if (keys == null && keysByPattern.size() >= limits.maxTables()) {
          continue;
        }
        keys = keysByPattern.computeIfAbsent(pattern, p -> new ArrayList<>());
        if (keys.size() < perPattern) {
          keys.add(key);
        }
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START) && scanned < budget);
    boolean complete = cursor.equals(ScanParams.SCAN_POINTER_START);
    long total = complete ? scanned : jedis.dbSize();
    List<TableSample> tables = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : keysByPattern.entrySet()) {
      String pattern = e.getKey();
      try {
        Map<String, List<String>> cols = new LinkedHashMap<>();
        for (String key : e.getValue()) {
          readKey(jedis, key, cols);
        }
        long count = seen.getOrDefault(pattern, 0L);
        // A partial scan saw a fraction of the key space: scale up.
        long rows = complete || scanned == 0 ? count : Math.round(count * (double) total / scanned);
        List<ColumnSample> columns = new ArrayList<>();
        cols.forEach((name, values) -> columns.add(new ColumnSample(name, null, null, values)));
        tables.add(
            new TableSample("db" + target.db(), null, pattern, rows, e.getValue().size(), columns));
      } catch (JedisConnectionException ex) {
        problems.add(new Problem(displayName(), Problem.Kind.UNREACHABLE, JdbcSampler.msg(ex)));
        break;
      } catch (JedisException ex) {
        problems.add(new Problem(pattern, Problem.Kind.TABLE, JdbcSampler.msg(ex)));
      }
    }
    return new SampleResult(displayName(), tables, problems);
  }

  private static void readKey(Jedis jedis, String key, Map<String, List<String>> cols) {
    String type = jedis.type(key);
    switch (type) {
      case "string" -> {
        String v = jedis.getrange(key, 0, ColumnSample.MAX_VALUE_CHARS - 1);
        if (!json(v, cols)) {
          add(cols, "*", v);
        }
      }
      case "hash" -> {
        ScanResult<Map.Entry<String, String>> page =
            jedis.hscan(key, ScanParams.SCAN_POINTER_START, new ScanParams().count(100));
        for (Map.Entry<String, String> f : page.getResult()) {
          if (!json(f.getValue(), cols, f.getKey())) {
            add(cols, f.getKey(), f.getValue());
          }
        }
      }
      case "list" -> jedis.lrange(key, 0, VALUES_PER_KEY - 1).forEach(v -> add(cols, "*", v));
      case "set" -> jedis.srandmember(key, VALUES_PER_KEY).forEach(v -> add(cols, "*", v));
      case "zset" -> jedis.zrange(key, 0, VALUES_PER_KEY - 1).forEach(v -> add(cols, "*", v));
      case "ReJSON-RL" -> {
        Object raw = jedis.sendCommand(JSON_GET, key.getBytes(StandardCharsets.UTF_8));
        if (raw instanceof byte[] b) {
          json(new String(b, StandardCharsets.UTF_8), cols);
        }
      }
      default -> {
        // streams and modules' types: not sampled
      }
    }
  }

  private static boolean json(@Nullable String v, Map<String, List<String>> cols) {
    return json(v, cols, "");
  }

  private static boolean json(@Nullable String v, Map<String, List<String>> cols, String prefix) {
    if (v == null || v.isEmpty() || (v.charAt(0) != '{' && v.charAt(0) != '[')) {
      return false;
    }
    try {
      JsonNode node = JSON.readTree(v);
      if (!node.isContainerNode()) {
        return false;
      }
      JsonFields.flatten(node, prefix, cols);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static void add(Map<String, List<String>> cols, String col, @Nullable String v) {
    if (v != null && !v.isBlank()) {
      cols.computeIfAbsent(col, k -> new ArrayList<>()).add(ColumnSample.cut(v));
    }
  }

  /** {@code user:1001:profile} → {@code user:*:profile}; {@code order_2024} → {@code order_*}. */
  static String pattern(String key) {
    String[] parts = key.split(":", -1);
    if (parts.length == 1) {
      return key.replaceAll("\\d+", "*");
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sb.append(':');
      }
      sb.append(VARIABLE.matcher(parts[i]).matches() ? "*" : parts[i]);
    }
    return sb.toString();
  }
}
