package dev.moat.report.scan;

import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.ScanReport;
import dev.moat.core.ServiceInfo;
import dev.moat.core.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reports the renderer tests share: one ordinary, one with hostile peer-supplied strings. */
final class SampleReports {
  static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
  static final Instant END = Instant.parse("2026-11-28T10:00:03.250Z");

  private SampleReports() {}

  static Finding redis() {
    return new Finding(
        "3f1c0a9e5b7d2c41",
        "redis.no-auth",
        "redis",
        "127.0.0.1",
        6379,
        Severity.CRITICAL,
        "Redis 未设置密码",
        "任何人都可以读取 12 个键。",
        List.of("user:1 → 430102********1234"),
        Map.of("CN_RESIDENT_ID", 3, "CN_MOBILE", 2),
        "设置 requirepass 并只监听内网地址。",
        List.of("DSL-27", "PIPL-51"));
  }

  static Finding git() {
    return new Finding(
        "9a8b7c6d5e4f3a2b",
        "http.git-exposed",
        "http",
        "::1",
        8080,
        Severity.MEDIUM,
        "Exposed .git directory",
        "GET /.git/config returns the repository config.",
        List.of("remote = https://***@git.example/x.git"),
        Map.of(),
        "Deny /.git in the web server.",
        List.of("DSL-29"));
  }

  static ScanReport ordinary() {
    return new ScanReport(
        "0.1.0",
        START,
        END,
        List.of("127.0.0.1", "::1"),
        List.of(
            new ServiceInfo("127.0.0.1", 6379, "redis", "Redis", "7.0.15", false, Auth.NONE),
            new ServiceInfo("::1", 8080, "http", "nginx", "1.22.1", false, Auth.UNKNOWN),
            new ServiceInfo("127.0.0.1", 5432, "postgresql", null, null, false, Auth.REQUIRED)),
        List.of(git(), redis()));
  }

  static ScanReport hostile() {
    String evil = "<script>alert('x')</script>\u001b[31mred\u001b]0;title\u0007&\"";
    Finding f =
        new Finding(
            "0000000000000001",
            "http.directory-listing",
            "http",
            "127.0.0.1",
            80,
            Severity.LOW,
            "Listing " + evil,
            "detail " + evil,
            List.of(evil),
            Map.of(),
            "fix " + evil,
            List.of("DSL-29"));
    return new ScanReport(
        "0.1.0",
        START,
        END,
        List.of("127.0.0.1"),
        List.of(new ServiceInfo("127.0.0.1", 80, "http", evil, evil, false, Auth.NONE)),
        List.of(f));
  }

  static ScanReport empty() {
    return new ScanReport("0.1.0", START, END, List.of("127.0.0.1"), List.of(), List.of());
  }
}
