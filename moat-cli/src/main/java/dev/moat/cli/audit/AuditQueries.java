package dev.moat.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.audit.Entry;
import dev.moat.audit.LogReader;
import dev.moat.cli.ExitCode;
import dev.moat.cli.UserException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code moat audit tail} and {@code moat audit search}: reading the log for people. */
final class AuditQueries {
  private AuditQueries() {}

  static void checkFormat(String format) {
    if (!format.equals("table") && !format.equals("json")) {
      throw UserException.usage("audit.error.format", format);
    }
  }

  /** {@code moat audit tail}. */
  @Command(name = "tail", mixinStandardHelpOptions = true)
  static final class Tail implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @Option(names = "--log", required = true, paramLabel = "DIR", descriptionKey = "audit.opt.log")
    Path log = Path.of(".");

    @Option(names = "-n", paramLabel = "N", defaultValue = "10", descriptionKey = "audit.opt.n")
    int n = 10;

    @Option(
        names = "--format",
        paramLabel = "table|json",
        defaultValue = "table",
        descriptionKey = "audit.opt.format")
    String format = "table";

    @Override
    public Integer call() throws IOException {
      AuditCommand.requireLog(log);
      checkFormat(format);
      if (n < 0) {
        throw UserException.usage("audit.error.n", n);
      }
      ArrayDeque<Entry> last = new ArrayDeque<>();
      try (LogReader reader = LogReader.open(log)) {
        reader.scan(
            0,
            e -> {
              last.addLast(e);
              if (last.size() > n) {
                last.removeFirst();
              }
              return true;
            });
      }
      AuditCommand.print(AuditCommand.out(spec), last, format);
      return ExitCode.OK;
    }
  }

  /** {@code moat audit search}. */
  @Command(name = "search", mixinStandardHelpOptions = true)
  static final class Search implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @Option(names = "--log", required = true, paramLabel = "DIR", descriptionKey = "audit.opt.log")
    Path log = Path.of(".");

    @Option(names = "--since", paramLabel = "TIME", descriptionKey = "audit.opt.since")
    @Nullable String since;

    @Option(names = "--where", paramLabel = "FIELD=VALUE", descriptionKey = "audit.opt.where")
    List<String> where = new ArrayList<>();

    @Option(
        names = "--format",
        paramLabel = "table|json",
        defaultValue = "table",
        descriptionKey = "audit.opt.format")
    String format = "table";

    @Override
    public Integer call() throws IOException {
      AuditCommand.requireLog(log);
      checkFormat(format);
      Instant from = since == null ? Instant.EPOCH : parseSince(since, Instant.now());
      List<String[]> conds = new ArrayList<>();
      for (String w : where) {
        int eq = w.indexOf('=');
        if (eq <= 0) {
          throw UserException.usage("audit.error.where", w);
        }
        conds.add(new String[] {w.substring(0, eq), w.substring(eq + 1)});
      }
      ArrayDeque<Entry> hits = new ArrayDeque<>();
      try (LogReader reader = LogReader.open(log)) {
        reader.scan(
            0,
            e -> {
              if (!e.time().isBefore(from) && matches(e, conds)) {
                hits.add(e);
              }
              return true;
            });
      }
      AuditCommand.print(AuditCommand.out(spec), hits, format);
      return ExitCode.OK;
    }

    private static boolean matches(Entry e, List<String[]> conds) {
      if (conds.isEmpty()) {
        return true;
      }
      JsonNode n;
      try {
        n = AuditCommand.JSON.readTree(e.json());
      } catch (IOException ex) {
        return false;
      }
      for (String[] c : conds) {
        JsonNode v = n.at("/" + c[0].replace(".", "/"));
        if (v.isMissingNode() || v.isContainerNode() || !v.asText().equals(c[1])) {
          return false;
        }
      }
      return true;
    }
  }

  /** {@code 2026-11-28T10:00:00Z}, {@code 2026-11-28} (local midnight), or an age: 30m, 24h, 7d. */
  static Instant parseSince(String s, Instant now) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    try {
      if (t.matches("[0-9]+[smhd]")) {
        long v = Long.parseLong(t.substring(0, t.length() - 1));
        Duration d =
            switch (t.charAt(t.length() - 1)) {
              case 's' -> Duration.ofSeconds(v);
              case 'm' -> Duration.ofMinutes(v);
              case 'h' -> Duration.ofHours(v);
              default -> Duration.ofDays(v);
            };
        return now.minus(d);
      }
      if (t.length() == 10) {
        return LocalDate.parse(t).atStartOfDay(ZoneId.systemDefault()).toInstant();
      }
      return Instant.parse(s.strip());
    } catch (DateTimeParseException | ArithmeticException e) {
      throw UserException.usage("audit.error.since", s);
    }
  }
}
