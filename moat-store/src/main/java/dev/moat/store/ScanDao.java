package dev.moat.store;

import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.ScanReport;
import dev.moat.core.ServiceInfo;
import dev.moat.core.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Scan runs: one instance per transaction. */
final class ScanDao {
  private final Handle h;

  ScanDao(Handle h) {
    this.h = h;
  }

  String save(ScanReport r) {
    String id = UUID.randomUUID().toString();
    h.createUpdate(
            "INSERT INTO scan_run (id, scanner_version, started_at, finished_at, targets)"
                + " VALUES (?, ?, ?, ?, ?)")
        .bind(0, id)
        .bind(1, r.scannerVersion())
        .bind(2, r.startedAt().toString())
        .bind(3, r.finishedAt().toString())
        .bind(4, Json.write(r.targets()))
        .execute();
    for (ServiceInfo s : r.services()) {
      h.createUpdate(
              "INSERT INTO scan_service (run_id, host, port, service, product, version, tls, auth)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
          .bind(0, id)
          .bind(1, s.host())
          .bind(2, s.port())
          .bind(3, s.service())
          .bind(4, s.product())
          .bind(5, s.version())
          .bind(6, s.tls() ? 1 : 0)
          .bind(7, s.auth().id())
          .execute();
    }
    int seq = 0;
    for (Finding f : r.findings()) {
      h.createUpdate(
              "INSERT INTO scan_finding (run_id, seq, finding_id, check_id, service, host, port,"
                  + " severity, title, detail, evidence, exposure, remediation, refs)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .bind(0, id)
          .bind(1, seq++)
          .bind(2, f.id())
          .bind(3, f.check())
          .bind(4, f.service())
          .bind(5, f.host())
          .bind(6, f.port())
          .bind(7, f.severity().id())
          .bind(8, f.title())
          .bind(9, f.detail())
          .bind(10, Json.write(f.evidence()))
          .bind(11, Json.write(f.exposure()))
          .bind(12, f.remediation())
          .bind(13, Json.write(f.references()))
          .execute();
    }
    return id;
  }

  Optional<ScanReport> load(String id) {
    Optional<ScanReport> head =
        h.createQuery(
                "SELECT scanner_version, started_at, finished_at, targets FROM scan_run WHERE id = ?")
            .bind(0, id)
            .map(
                (rs, ctx) ->
                    new ScanReport(
                        rs.getString(1),
                        Instant.parse(rs.getString(2)),
                        Instant.parse(rs.getString(3)),
                        Json.list(rs.getString(4)),
                        List.of(),
                        List.of()))
            .findOne();
    if (head.isEmpty()) {
      return head;
    }
    List<ServiceInfo> services =
        h.createQuery(
                "SELECT host, port, service, product, version, tls, auth FROM scan_service"
                    + " WHERE run_id = ? ORDER BY host, port")
            .bind(0, id)
            .map(
                (rs, ctx) ->
                    new ServiceInfo(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6) != 0,
                        auth(rs.getString(7))))
            .list();
    List<Finding> findings =
        h.createQuery(
                "SELECT finding_id, check_id, service, host, port, severity, title, detail,"
                    + " evidence, exposure, remediation, refs FROM scan_finding"
                    + " WHERE run_id = ? ORDER BY seq")
            .bind(0, id)
            .map(
                (rs, ctx) ->
                    new Finding(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        Severity.parse(rs.getString(6)),
                        rs.getString(7),
                        rs.getString(8),
                        Json.list(rs.getString(9)),
                        Json.counts(rs.getString(10)),
                        rs.getString(11),
                        Json.list(rs.getString(12))))
            .list();
    ScanReport r = head.get();
    return Optional.of(
        new ScanReport(
            r.scannerVersion(), r.startedAt(), r.finishedAt(), r.targets(), services, findings));
  }

  private static Auth auth(String id) {
    for (Auth a : Auth.values()) {
      if (a.id().equals(id)) {
        return a;
      }
    }
    return Auth.UNKNOWN;
  }
}
