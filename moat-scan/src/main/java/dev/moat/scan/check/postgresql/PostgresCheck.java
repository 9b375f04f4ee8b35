package dev.moat.scan.check.postgresql;

import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.Severity;
import dev.moat.discover.JdbcSampler;
import dev.moat.discover.JdbcTarget;
import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Connection;
import dev.moat.scan.check.Exposure;
import dev.moat.scan.check.Identity;
import dev.moat.scan.check.Probe;
import dev.moat.scan.check.Recognition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL with {@code trust} authentication. Recognised by the one-byte answer ({@code N} or
 * {@code S}) to an SSLRequest. Verified by a StartupMessage as user {@code postgres}: only
 * AuthenticationOk (code 0) means open; a password request (cleartext 3, MD5 5, SCRAM 10, …) or
 * SQLSTATE 28000/28P01 means locked. A missing database (3D000) is retried with {@code template1}.
 *
 * <p>Read-only: one {@code SELECT} on {@code pg_database} and one on {@code pg_class} (does the
 * database logged in to hold tables?), then moat-discover's JdbcSampler, whose connections are
 * read-only transactions, for up to three databases; the one logged in to only when it holds
 * tables.
 */
public final class PostgresCheck implements Check {
  static final String SERVICE = "postgresql";
  private static final byte[] SSL_REQUEST = {0, 0, 0, 8, 4, (byte) 0xd2, 0x16, 0x2f};
  private static final int DATABASES_SAMPLED = 3;
  private static final String OWN_TABLES =
      "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE c.relkind IN ('r', 'p', 'f')"
          + " AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
          + " AND n.nspname NOT LIKE 'pg\\_toast%'";

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
    return Set.of(5432, 5433);
  }

  @Override
  public List<Probe> probes() {
    // Order 22, second only to RESP: PostgreSQL forks a backend for every connection, ~10 ms of its
    // CPU even for a probe it rejects at once, so it should see as few foreign probes as possible;
    // other services ignore or turn down the eight bytes at no cost.
    return List.of(Probe.send("pg-sslrequest", SSL_REQUEST, 22, PostgresCheck::recognise));
  }

  static Recognition recognise(byte[] data, int length, boolean closed) {
    if (length == 0) {
      return Recognition.MORE;
    }
    // Exactly one byte, and the server keeps the connection open waiting for the startup packet.
    if (length == 1 && (data[0] == 'N' || data[0] == 'S')) {
      return Recognition.match(Identity.of(SERVICE, "PostgreSQL", null));
    }
    return Recognition.NO;
  }

  @Override
  public CheckResult run(CheckContext ctx) throws IOException {
    Identity pg = Identity.of(SERVICE, "PostgreSQL", null);
    Login login = login(ctx, "postgres");
    if (login.startup() instanceof PgWire.Failed f && f.sqlState().equals("3D000")) {
      login = login(ctx, "template1");
    }
    PgWire.Startup s = login.startup();
    if (s instanceof PgWire.NeedsAuth) {
      return CheckResult.locked(pg);
    }
    if (s instanceof PgWire.Failed f) {
      return f.sqlState().startsWith("28") ? CheckResult.locked(pg) : CheckResult.undetermined(pg);
    }
    PgWire.Ok ok = (PgWire.Ok) s;
    String fullVersion = ok.parameters().getOrDefault("server_version", "");
    Identity found = pg.withVersion(fullVersion.isEmpty() ? null : fullVersion.split(" ")[0]);
    boolean superuser = "on".equals(ok.parameters().get("is_superuser"));
    List<String> databases = login.databases();
    Exposure exposure = Exposure.NONE;
    if (ctx.sampling()) {
      for (String db : databases.subList(0, Math.min(DATABASES_SAMPLED, databases.size()))) {
        if (db.equals(login.database()) && login.tables() == 0) {
          continue; // nothing to sample: no JDBC session for it
        }
        JdbcTarget target =
            JdbcTarget.postgresql(ctx.address().getHostAddress(), ctx.port(), db, "postgres", "");
        exposure = exposure.plus(ctx.detect(JdbcSampler.of(target).sample(ctx.sampleLimits())));
      }
    }
    List<String> evidence = new ArrayList<>();
    evidence.add("server_version: " + fullVersion);
    evidence.add("user postgres, is_superuser: " + (superuser ? "on" : "off"));
    evidence.add("databases: " + String.join(", ", databases));
    Finding finding =
        ctx.finding(this, "postgresql.trust")
            .severity(superuser ? Severity.CRITICAL : Severity.HIGH)
            .detailArgs(
                found.productVersion().orElse("?"),
                ctx.host(),
                String.valueOf(ctx.port()),
                String.valueOf(databases.size()),
                superuser ? 1 : 0)
            .evidence(evidence)
            .exposure(exposure)
            .build();
    return CheckResult.open(found, Auth.NONE, List.of(finding));
  }

  /**
   * The outcome of one login attempt to {@code database} and, when it got in, the databases it
   * listed and the number of tables in {@code database} (-1 when unknown).
   */
  private record Login(
      PgWire.Startup startup, String database, List<String> databases, long tables) {}

  /**
   * Logs in as postgres to {@code database} and, if that works, lists databases on the same
   * session.
   */
  private static Login login(CheckContext ctx, String database) throws IOException {
    try (Connection c = ctx.connect(false)) {
      PgWire pg = new PgWire(c);
      PgWire.Startup s = pg.startup("postgres", database);
      if (!(s instanceof PgWire.Ok)) {
        return new Login(s, database, List.of(), -1);
      }
      List<String> names = new ArrayList<>();
      for (List<String> row :
          pg.query(
              "SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate"
                  + " ORDER BY datname LIMIT 50")) {
        names.add(row.get(0));
      }
      long tables = -1;
      try {
        tables = Long.parseLong(pg.query(OWN_TABLES).get(0).get(0));
      } catch (IOException | RuntimeException e) {
        // unknown: the sampler looks for itself
      }
      pg.terminate();
      return new Login(s, database, names, tables);
    }
  }
}
