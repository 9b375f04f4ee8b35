package dev.moat.scan.check.mysql;

import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.Severity;
import dev.moat.discover.JdbcSampler;
import dev.moat.discover.JdbcTarget;
import dev.moat.discover.SampleResult;
import dev.moat.discover.TableSample;
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
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * MySQL / MariaDB with an empty password for {@code root} or for the anonymous user. Recognised by
 * the greeting the server sends first. Locked: ERR 1045 (access denied), the greeting ERR 1130
 * (host not allowed), or a demand for more authentication data. MariaDB 10.4+ creates {@code
 * root@localhost} with {@code unix_socket OR mysql_native_password USING 'invalid'}, so a TCP login
 * as root with no password is denied there: that is correctly reported as locked.
 *
 * <p>Read-only: a login, one {@code SELECT} on {@code information_schema.tables} for the databases
 * that hold tables, then, when there are any, moat-discover's JdbcSampler (read-only connections).
 */
public final class MysqlCheck implements Check {
  static final String SERVICE = "mysql";
  private static final List<String> USERS = List.of("root", "");
  private static final String USER_TABLES =
      "SELECT table_schema, COUNT(*) FROM information_schema.tables"
          + " WHERE table_type IN ('BASE TABLE', 'SYSTEM VERSIONED') AND table_schema NOT IN"
          + " ('information_schema', 'mysql', 'performance_schema', 'sys')"
          + " GROUP BY table_schema ORDER BY table_schema LIMIT 50";

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
    return Set.of(3306, 3307);
  }

  @Override
  public List<Probe> probes() {
    return List.of(Probe.banner("mysql-greeting", MysqlCheck::recognise));
  }

  static Recognition recognise(byte[] d, int length, boolean closed) {
    if (length < 5) {
      return closed ? Recognition.NO : Recognition.MORE;
    }
    int len = (d[0] & 0xff) | (d[1] & 0xff) << 8 | (d[2] & 0xff) << 16;
    if (d[3] != 0 || len < 2 || len > 4096) {
      return Recognition.NO;
    }
    if (d[4] == 10) {
      int end = 5;
      while (end < length && end < 4 + len && d[end] != 0) {
        end++;
      }
      if (end >= length) {
        return closed ? Recognition.NO : Recognition.MORE;
      }
      return Recognition.match(identity(new String(d, 5, end - 5, StandardCharsets.UTF_8)));
    }
    if ((d[4] & 0xff) == 0xff) {
      String text = new String(d, 5, length - 5, StandardCharsets.UTF_8);
      if (text.contains("MariaDB")) {
        return Recognition.match(Identity.of(SERVICE, "MariaDB", null));
      }
      if (text.contains("MySQL")) {
        return Recognition.match(Identity.of(SERVICE, "MySQL", null));
      }
    }
    return Recognition.NO;
  }

  /** {@code 5.5.5-10.11.6-MariaDB-0+deb12u1} → MariaDB 10.11.6; {@code 8.0.36} → MySQL 8.0.36. */
  static Identity identity(String version) {
    String v = version.startsWith("5.5.5-") ? version.substring(6) : version;
    String product = v.contains("MariaDB") ? "MariaDB" : "MySQL";
    String number = v.split("[-+ ]", 2)[0];
    return Identity.of(SERVICE, product, number.isEmpty() ? null : number);
  }

  @Override
  public CheckResult run(CheckContext ctx) throws IOException {
    Identity id = ctx.identity().productName().isPresent() ? ctx.identity() : Identity.of(SERVICE);
    String fullVersion = "";
    for (String user : USERS) {
      try (Connection c = ctx.connect()) {
        MysqlWire wire = new MysqlWire(c);
        Object greeting = wire.greeting();
        if (greeting instanceof MysqlWire.Err) {
          return CheckResult.locked(id); // 1130 host not allowed, 1040 too many connections …
        }
        MysqlWire.Greeting g = (MysqlWire.Greeting) greeting;
        fullVersion = g.version();
        id = identity(g.version());
        if (wire.login(user, g.plugin()) instanceof MysqlWire.Ok) {
          return open(ctx, id, user, fullVersion, databasesWithTables(wire));
        }
      }
    }
    return CheckResult.locked(id);
  }

  /**
   * The databases other than the system's that hold tables, as {@code name (tables)}, read on the
   * session that got in; null when the query was refused (the sampler then looks for itself).
   */
  private static @Nullable List<String> databasesWithTables(MysqlWire wire) {
    try {
      List<String> out = new ArrayList<>();
      for (List<@Nullable String> row : wire.query(USER_TABLES)) {
        out.add(row.get(0) + " (" + row.get(1) + ")");
      }
      return out;
    } catch (IOException e) {
      return null;
    }
  }

  private CheckResult open(
      CheckContext ctx,
      Identity id,
      String user,
      String fullVersion,
      @Nullable List<String> withTables) {
    List<String> evidence = new ArrayList<>();
    evidence.add("version: " + fullVersion);
    evidence.add("login: " + (user.isEmpty() ? "(anonymous)" : user) + " with an empty password");
    if (withTables != null) {
      evidence.add(
          withTables.isEmpty()
              ? "no tables outside the system databases"
              : "databases with tables: " + String.join(", ", withTables));
    }
    Exposure exposure = Exposure.NONE;
    // a server whose databases hold no table has nothing to sample: no JDBC session for it
    if (ctx.sampling() && (withTables == null || !withTables.isEmpty())) {
      JdbcTarget target =
          JdbcTarget.mysql(ctx.address().getHostAddress(), ctx.port(), "", user, "");
      SampleResult sample = JdbcSampler.of(target).sample(ctx.sampleLimits());
      Set<String> databases = new TreeSet<>();
      for (TableSample t : sample.tables()) {
        databases.add(
            Objects.requireNonNullElse(t.database(), Objects.requireNonNullElse(t.schema(), "")));
      }
      databases.remove("");
      if (!databases.isEmpty()) {
        evidence.add("databases with sampled tables: " + String.join(", ", databases));
      }
      exposure = ctx.detect(sample);
    }
    boolean root = user.equals("root");
    Finding f =
        ctx.finding(this, "mysql.empty-password")
            .severity(root ? Severity.CRITICAL : Severity.HIGH)
            .key(user)
            .detailArgs(
                id.productName().orElse("MySQL"),
                id.productVersion().orElse("?"),
                ctx.host(),
                String.valueOf(ctx.port()),
                root ? 1 : 0)
            .evidence(evidence)
            .exposure(exposure)
            .build();
    return CheckResult.open(id, Auth.DEFAULT_CREDENTIALS, List.of(f));
  }
}
