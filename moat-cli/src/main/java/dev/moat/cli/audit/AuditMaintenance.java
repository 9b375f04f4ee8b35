package dev.moat.cli.audit;

import dev.moat.audit.AuditLog;
import dev.moat.audit.AuditOptions;
import dev.moat.audit.Retention;
import dev.moat.audit.sink.AuditSink;
import dev.moat.audit.sink.AuditSinks;
import dev.moat.audit.sink.NatsSink;
import dev.moat.audit.sink.SyslogSink;
import dev.moat.cli.ExitCode;
import dev.moat.cli.Messages;
import dev.moat.cli.UserException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code moat audit archive} and {@code moat audit forward}: keeping the log. */
final class AuditMaintenance {
  private AuditMaintenance() {}

  /** {@code 180d}, {@code 3y}, {@code 12h}. */
  static Duration age(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    if (!t.matches("[0-9]{1,6}[hdy]")) {
      throw UserException.usage("audit.error.age", s);
    }
    long v = Long.parseLong(t.substring(0, t.length() - 1));
    return switch (t.charAt(t.length() - 1)) {
      case 'h' -> Duration.ofHours(v);
      case 'd' -> Duration.ofDays(v);
      default -> Duration.ofDays(365 * v);
    };
  }

  /** {@code moat audit archive}. */
  @Command(name = "archive", mixinStandardHelpOptions = true)
  static final class Archive implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @Option(names = "--log", required = true, paramLabel = "DIR", descriptionKey = "audit.opt.log")
    Path log = Path.of(".");

    @Option(names = "--key", paramLabel = "FILE", descriptionKey = "audit.opt.key")
    @Nullable Path key;

    @Option(
        names = "--retention",
        paramLabel = "AGE",
        defaultValue = "180d",
        descriptionKey = "audit.opt.retention")
    String retention = "180d";

    @Option(
        names = "--retention-type",
        paramLabel = "TYPE=AGE",
        descriptionKey = "audit.opt.retentionType")
    List<String> perType = new ArrayList<>();

    @Option(names = "--gzip", descriptionKey = "audit.opt.gzip")
    boolean gzip;

    @Override
    public Integer call() throws IOException {
      AuditCommand.requireLog(log);
      Map<String, Duration> types = new HashMap<>();
      for (String t : perType) {
        int eq = t.indexOf('=');
        if (eq <= 0) {
          throw UserException.usage("audit.error.retentionType", t);
        }
        types.put(t.substring(0, eq), age(t.substring(eq + 1)));
      }
      Retention r = new Retention(age(retention), types);
      AuditOptions opts =
          key == null ? AuditOptions.defaults() : AuditOptions.defaults().withKeyFile(key);
      try (AuditLog l = AuditCommand.open(log, opts)) {
        List<String> done = l.archive(r, gzip);
        done.forEach(AuditCommand.out(spec)::println);
        AuditCommand.err(spec).println(Messages.get("audit.archive.done", done.size()));
      }
      return ExitCode.OK;
    }
  }

  /** {@code moat audit forward}. */
  @Command(name = "forward", mixinStandardHelpOptions = true)
  static final class Forward implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @Option(names = "--log", required = true, paramLabel = "DIR", descriptionKey = "audit.opt.log")
    Path log = Path.of(".");

    @Option(
        names = "--syslog",
        paramLabel = "udp|tcp://HOST:PORT",
        descriptionKey = "audit.opt.syslog")
    @Nullable String syslog;

    @Option(names = "--nats", paramLabel = "nats://HOST:PORT", descriptionKey = "audit.opt.nats")
    @Nullable String nats;

    @Option(names = "--subject", paramLabel = "SUBJECT", descriptionKey = "audit.opt.subject")
    @Nullable String subject;

    @Option(
        names = "--batch",
        paramLabel = "N",
        defaultValue = "1000",
        descriptionKey = "audit.opt.batch")
    int batch = 1000;

    @Override
    public Integer call() throws IOException {
      AuditCommand.requireLog(log);
      if ((syslog == null) == (nats == null)) {
        throw UserException.usage("audit.error.forwardWhere");
      }
      if (batch < 1) {
        throw UserException.usage("audit.error.n", batch);
      }
      long sent;
      try (AuditSink sink = sink()) {
        sent = AuditSinks.forward(log, sink, batch);
      } catch (IOException e) {
        throw UserException.runtime(e, "audit.error.forward", String.valueOf(e.getMessage()));
      }
      AuditCommand.err(spec).println(Messages.get("audit.forward.done", sent));
      return ExitCode.OK;
    }

    private AuditSink sink() throws IOException {
      if (syslog != null) {
        return SyslogSink.of(syslog, InetAddress.getLocalHost().getHostName());
      }
      if (subject == null) {
        throw UserException.usage("audit.error.subject");
      }
      return NatsSink.connect(String.valueOf(nats), subject);
    }
  }
}
