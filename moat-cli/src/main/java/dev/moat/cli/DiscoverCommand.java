package dev.moat.cli;

import dev.moat.core.Category;
import dev.moat.core.Level;
import dev.moat.core.config.ConfigException;
import dev.moat.core.config.DiscoverConfig;
import dev.moat.core.config.DiscoverSource;
import dev.moat.discover.Change;
import dev.moat.discover.ColumnClassifier;
import dev.moat.discover.Discovery;
import dev.moat.discover.FileSampler;
import dev.moat.discover.Inventory;
import dev.moat.discover.InventoryColumn;
import dev.moat.discover.JdbcSampler;
import dev.moat.discover.JdbcTarget;
import dev.moat.discover.Problem;
import dev.moat.discover.Redact;
import dev.moat.discover.RedisSampler;
import dev.moat.discover.RedisTarget;
import dev.moat.discover.SampleLimits;
import dev.moat.discover.SampleResult;
import dev.moat.discover.Sampler;
import dev.moat.discover.SourceStatus;
import dev.moat.store.Store;
import dev.moat.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code moat discover}: samples databases, Redis and files, classifies every column and keeps the
 * data-asset inventory.
 *
 * <p>Everything the user typed is checked before any source is touched, so a usage error (exit 2)
 * costs nothing. A source that cannot be read is reported on stderr and in the output's source
 * list; the run goes on, and exits 3 only when no source could be read. Passwords come from the URL
 * or {@code --password-env} and are masked in every message, output and store row.
 */
@Command(
    name = "discover",
    resourceBundle = "dev.moat.cli.DiscoverMessages",
    headerHeading = "",
    descriptionHeading = "%n",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true)
public final class DiscoverCommand implements Callable<Integer> {

  enum Format {
    TABLE,
    JSON,
    XLSX,
    HTML
  }

  @Spec @Nullable CommandSpec spec;

  @ParentCommand @Nullable MoatCommand parent;

  @Parameters(paramLabel = "SOURCE", arity = "0..*", descriptionKey = "discover.sources")
  List<String> sources = new ArrayList<>();

  @Option(names = "--user", paramLabel = "USER", descriptionKey = "discover.opt.user")
  @Nullable String user;

  @Option(
      names = "--password-env",
      paramLabel = "NAME",
      descriptionKey = "discover.opt.passwordEnv")
  @Nullable String passwordEnv;

  @Option(names = "--driver-path", paramLabel = "JAR", descriptionKey = "discover.opt.driverPath")
  @Nullable Path driverPath;

  @Option(
      names = "--include",
      paramLabel = "GLOB",
      split = ",",
      descriptionKey = "discover.opt.include")
  List<String> include = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "GLOB",
      split = ",",
      descriptionKey = "discover.opt.exclude")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--sample", paramLabel = "N", descriptionKey = "discover.opt.sample")
  @Nullable Integer sample;

  @Option(names = "--max-tables", paramLabel = "N", descriptionKey = "discover.opt.maxTables")
  @Nullable Integer maxTables;

  @Option(names = "--concurrency", paramLabel = "N", descriptionKey = "discover.opt.concurrency")
  @Nullable Integer concurrency;

  @Option(names = "--timeout", paramLabel = "SECONDS", descriptionKey = "discover.opt.timeout")
  @Nullable Integer timeout;

  @Option(names = "--format", paramLabel = "FORMAT", descriptionKey = "discover.opt.format")
  String format = "table";

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      descriptionKey = "discover.opt.output")
  @Nullable Path output;

  @Option(names = "--fail-on", paramLabel = "LEVEL", descriptionKey = "discover.opt.failOn")
  @Nullable String failOn;

  @Option(names = "--store", paramLabel = "LOCATION", descriptionKey = "discover.opt.store")
  @Nullable String store;

  @Option(names = "--no-store", descriptionKey = "discover.opt.noStore")
  boolean noStore;

  /** Environment, replaceable in tests. */
  Map<String, String> env = System.getenv();

  @Override
  public Integer call() throws IOException {
    CommandSpec s = Objects.requireNonNull(spec, "spec");
    PrintWriter err = s.commandLine().getErr();
    Format fmt = parseFormat(format);
    Predicate<InventoryColumn> failing = parseFailOn(failOn);
    Path out = checkOutput(fmt);
    String password = password();
    DiscoverConfig config = loadConfig();
    if (sources.isEmpty()) {
      config.sources().forEach(src -> sources.add(src.url()));
      if (sources.isEmpty()) {
        throw UserException.usage("discover.error.noSources");
      }
    }
    Map<String, Credentials> credentials = new LinkedHashMap<>();
    for (String src : sources) {
      credentials.put(src, credentials(src, config, password));
    }
    SampleLimits limits;
    try {
      limits =
          new SampleLimits(
              sample != null ? sample : config.sample(),
              maxTables != null ? maxTables : config.maxTables(),
              Duration.ofSeconds(timeout != null ? timeout : config.timeoutSeconds()),
              concurrency != null ? concurrency : config.concurrency(),
              include,
              exclude);
    } catch (IllegalArgumentException e) {
      throw UserException.usage("discover.error.limits", String.valueOf(e.getMessage()));
    }
    Store st = openStore();

    Clock clock = Clock.systemUTC();
    Discovery discovery = new Discovery(ColumnClassifier.standard(), limits, clock);
    List<SourceStatus> statuses = new ArrayList<>();
    List<InventoryColumn> columns = new ArrayList<>();
    int readable = 0;
    for (String src : sources) {
      Instant now = clock.instant();
      Sampler sampler = sampler(src, Objects.requireNonNull(credentials.get(src)));
      SampleResult r;
      List<InventoryColumn> cols;
      if (sampler == null) {
        r =
            SampleResult.failed(
                Redact.source(src),
                new Problem(
                    Redact.source(src),
                    Problem.Kind.UNSUPPORTED,
                    Messages.get("discover.unsupported")));
        cols = List.of();
      } else {
        Discovery.SourceRun run = discovery.run(sampler);
        r = run.sample();
        cols = run.columns();
      }
      for (Problem p : r.problems()) {
        err.println(problemText(p));
      }
      err.flush();
      String message = message(r);
      if (r.failed()) {
        statuses.add(new SourceStatus(r.source(), false, message));
        continue;
      }
      readable++;
      statuses.add(new SourceStatus(r.source(), true, message));
      if (st != null) {
        try {
          cols = st.saveDiscovery(r.source(), now, "ok", message, cols);
        } catch (StoreException e) {
          throw UserException.runtime(
              e, "discover.error.store", st.location(), String.valueOf(e.getMessage()));
        }
      }
      columns.addAll(cols);
    }
    Inventory inv = new Inventory(statuses, columns);
    if (readable == 0) {
      throw UserException.runtime("discover.error.nothing");
    }
    render(inv, fmt, out, s);
    boolean flagged =
        columns.stream()
            .anyMatch(c -> c.change() != Change.REMOVED && c.sensitive() && failing.test(c));
    return flagged ? ExitCode.FLAGGED : ExitCode.OK;
  }

  private void render(Inventory inv, Format fmt, @Nullable Path out, CommandSpec s)
      throws IOException {
    Locale locale = Locale.getDefault();
    if (out == null) {
      PrintWriter w = s.commandLine().getOut();
      InventoryOutput.render(inv, fmt, w, null, locale);
      w.flush();
      return;
    }
    InventoryOutput.renderToFile(inv, fmt, out, locale);
  }

  private @Nullable Store openStore() {
    if (noStore) {
      return null;
    }
    String location = store != null ? store : Store.defaultFile().toString();
    try {
      return Store.open(location, null, null);
    } catch (StoreException e) {
      throw UserException.usage(
          "discover.error.store", Redact.source(location), String.valueOf(e.getMessage()));
    }
  }

  /** The account for one source: options first, then the config file's entry, then the URL. */
  record Credentials(@Nullable String user, @Nullable String password) {}

  private Credentials credentials(String src, DiscoverConfig config, @Nullable String password) {
    Optional<DiscoverSource> configured = config.source(src);
    String u = user != null ? user : configured.flatMap(DiscoverSource::user).orElse(null);
    String p = password;
    if (p == null && configured.isPresent() && configured.get().password().isPresent()) {
      int i = config.sources().indexOf(configured.get());
      try {
        p = new String(configured.get().password().get().resolve(env::get), StandardCharsets.UTF_8);
      } catch (ConfigException e) {
        throw UserException.usage(
            "discover.error.config", e.under("discover.sources[" + i + "].password").getMessage());
      }
    }
    return new Credentials(u, p);
  }

  private DiscoverConfig loadConfig() {
    return ConfigLoader.forCommand(
            parent == null ? null : parent.config, env, "discover.error.config")
        .discover();
  }

  private @Nullable Sampler sampler(String src, Credentials account) {
    String lower = src.toLowerCase(Locale.ROOT);
    String user = account.user();
    String password = account.password();
    if (lower.startsWith("jdbc:")) {
      JdbcTarget t = new JdbcTarget(src, user, password, driverPath);
      return JdbcSampler.of(t);
    }
    if (lower.startsWith("redis://") || lower.startsWith("rediss://")) {
      try {
        RedisTarget t = RedisTarget.parse(src);
        if (user != null || password != null) {
          t =
              t.withCredentials(
                  user != null ? user : t.user(), password != null ? password : t.password());
        }
        return RedisSampler.of(t);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
      return null;
    }
    return FileSampler.of(Path.of(src));
  }

  private static String problemText(Problem p) {
    return Messages.get("discover.problem." + p.kind().name(), p.where(), p.detail());
  }

  private static String message(SampleResult r) {
    if (r.failed()) {
      return problemText(r.problems().get(0));
    }
    List<String> tables = new ArrayList<>();
    for (Problem p : r.problems()) {
      if (tables.size() < 5) {
        tables.add(p.where() + " (" + p.detail() + ")");
      }
    }
    return tables.isEmpty()
        ? ""
        : Messages.get("discover.tables.failed", r.problems().size(), String.join("; ", tables));
  }

  private @Nullable String password() {
    if (passwordEnv == null) {
      return null;
    }
    String p = env.get(passwordEnv);
    if (p == null) {
      throw UserException.usage("discover.error.passwordEnv", passwordEnv);
    }
    return p;
  }

  private static Format parseFormat(String f) {
    return switch (f.trim().toLowerCase(Locale.ROOT)) {
      case "table" -> Format.TABLE;
      case "json" -> Format.JSON;
      case "xlsx" -> Format.XLSX;
      case "html" -> Format.HTML;
      default -> throw UserException.usage("discover.error.format", f);
    };
  }

  /**
   * {@code general|important|core}: a sensitive column at or above that GB/T 43697 level; {@code
   * pi}: any personal information (PI or sensitive PI); {@code sensitive-pi}: sensitive PI only.
   */
  static Predicate<InventoryColumn> parseFailOn(@Nullable String v) {
    if (v == null) {
      return c -> false;
    }
    String s = v.trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "general", "important", "core" -> {
        Level min = Level.parse(s);
        yield c -> c.level().compareTo(min) >= 0;
      }
      case "pi" -> c -> c.category() == Category.PI || c.category() == Category.SENSITIVE_PI;
      case "sensitive-pi" -> c -> c.category() == Category.SENSITIVE_PI;
      default -> throw UserException.usage("discover.error.failOn", v);
    };
  }

  private @Nullable Path checkOutput(Format fmt) {
    if (output == null) {
      if (fmt == Format.XLSX) {
        throw UserException.usage("discover.error.xlsxStdout");
      }
      return null;
    }
    Path o = output.toAbsolutePath().normalize();
    if (Files.isDirectory(o)) {
      throw UserException.usage("discover.error.output.dir", output);
    }
    Path dir = o.getParent();
    if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
      throw UserException.usage("discover.error.output", output, "no such directory");
    }
    return o;
  }
}
