package dev.moat.cli;

import dev.moat.core.ScanReport;
import dev.moat.core.Severity;
import dev.moat.core.detect.DetectionEngine;
import dev.moat.core.mask.Maskers;
import dev.moat.report.scan.ScanRenderer;
import dev.moat.scan.ScanConfig;
import dev.moat.scan.ScanProgress;
import dev.moat.scan.Scanner;
import dev.moat.scan.check.Checks;
import dev.moat.scan.suppress.Suppression;
import dev.moat.scan.suppress.Suppressions;
import dev.moat.scan.target.PortSet;
import dev.moat.scan.target.TargetException;
import dev.moat.scan.target.Targets;
import dev.moat.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code moat scan}: sweeps the targets, fingerprints every open port, runs the read-only checks,
 * applies suppressions, renders the report, stores it, and sets the exit code from {@code
 * --fail-on}. Data goes to stdout (or {@code -o}), messages and the progress bar to stderr.
 */
@Command(
    name = "scan",
    resourceBundle = "dev.moat.cli.ScanMessages",
    mixinStandardHelpOptions = true,
    sortOptions = false)
final class ScanCommand implements Callable<Integer> {
  /** Common alternates added to the checks' default ports. */
  static final List<Integer> ALTERNATE_PORTS =
      List.of(
          21, 22, 80, 443, 873, 1080, 3000, 5000, 5001, 7001, 8000, 8008, 8080, 8081, 8088, 8443,
          8888, 9000, 9001, 9090, 9100, 9200, 10250, 15672, 16379, 27018, 27019);

  @Spec @Nullable CommandSpec spec;

  @Parameters(paramLabel = "TARGET", arity = "0..*", descriptionKey = "scan.targets")
  List<String> targets = new ArrayList<>();

  @Option(names = "-iL", paramLabel = "FILE", descriptionKey = "scan.input")
  @Nullable Path inputList;

  @Option(names = "--exclude", paramLabel = "TARGET", split = ",", descriptionKey = "scan.exclude")
  List<String> exclude = new ArrayList<>();

  @Option(names = "-p", paramLabel = "PORTS", descriptionKey = "scan.ports")
  @Nullable String ports;

  @Option(names = "--concurrency", paramLabel = "N", descriptionKey = "scan.concurrency")
  int concurrency = ScanConfig.DEFAULT_CONCURRENCY;

  @Option(names = "--rate", paramLabel = "N", descriptionKey = "scan.rate")
  int rate = ScanConfig.DEFAULT_RATE;

  @Option(names = "--timeout", paramLabel = "MS", descriptionKey = "scan.timeout")
  long timeoutMillis = 1500;

  @Option(names = "--workers", paramLabel = "N", descriptionKey = "scan.workers")
  int workers = ScanConfig.DEFAULT_WORKERS;

  @Option(names = "--format", paramLabel = "FORMAT", descriptionKey = "scan.format")
  String format = "table";

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      descriptionKey = "scan.output")
  @Nullable Path output;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", descriptionKey = "scan.failOn")
  @Nullable String failOn;

  @Option(names = "--suppress", paramLabel = "FILE", descriptionKey = "scan.suppress")
  @Nullable Path suppressFile;

  @Option(names = "--no-sample", descriptionKey = "scan.noSample")
  boolean noSample;

  @Option(names = "--no-store", descriptionKey = "scan.noStore")
  boolean noStore;

  @Option(names = "--no-progress", descriptionKey = "scan.noProgress")
  boolean noProgress;

  /** The checks, once loaded for the default ports. */
  private @Nullable Checks checks;

  /** The launcher's archive training (see {@link ScanClassArchive}); not for users. */
  @Option(names = "--train-class-archive", hidden = true)
  boolean trainClassArchive;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = err();
    Locale locale = Locale.getDefault();
    Targets parsed = targets();
    PortSet portSet = portSet();
    Severity threshold = threshold();
    ScanRenderer renderer = renderer(locale);
    Suppressions suppressions = suppressions();
    ScanConfig config = config(locale);
    // without -p the checks were loaded for their default ports; else the scanner loads them on a
    // worker while the sweep starts
    Checks loaded = checks;
    Scanner scanner =
        loaded != null ? new Scanner(config, loaded) : new Scanner(config, Checks::load);
    ScanProgress progress = scanner.progressFor(parsed, portSet);
    ConcurrentLinkedQueue<String> portErrors = new ConcurrentLinkedQueue<>();
    ProgressBar bar =
        !noProgress && ProgressBar.stderrIsTerminal() ? new ProgressBar(progress, err) : null;
    ScanReport report;
    try {
      if (bar != null) {
        bar.start();
      }
      report = scanner.scan(parsed, portSet, progress, portErrors::add);
    } catch (IOException e) {
      throw UserException.runtime(e, "scan.error.io", String.valueOf(e.getMessage()));
    } finally {
      if (bar != null) {
        bar.stop();
      }
    }
    for (String e : portErrors) {
      err.println(Messages.get("scan.warn.port", e));
    }
    LocalDate today = LocalDate.ofInstant(report.finishedAt(), ZoneId.systemDefault());
    Suppressions.Outcome outcome = suppressions.apply(report.findings(), today);
    for (Suppression s : outcome.expired()) {
      err.println(
          Messages.get("scan.warn.expired", s.describe(), s.expires().toString(), s.reason()));
    }
    if (!outcome.suppressed().isEmpty()) {
      err.println(Messages.get("scan.info.suppressed", outcome.suppressed().size()));
    }
    ScanReport shown =
        new ScanReport(
            report.scannerVersion(),
            report.startedAt(),
            report.finishedAt(),
            report.targets(),
            report.services(),
            outcome.kept());
    write(renderer, shown);
    if (!noStore) {
      store(shown, err);
    }
    err.println(
        Messages.get(
            "scan.summary", progress.swept(), shown.services().size(), shown.findings().size()));
    err.flush();
    if (trainClassArchive) {
      ScanClassArchive.loadClasses();
    }
    boolean fail =
        threshold != null
            && shown.findings().stream().anyMatch(f -> f.severity().atLeast(threshold));
    return fail ? ExitCode.FLAGGED : ExitCode.OK;
  }

  private Targets targets() {
    List<String> all = new ArrayList<>(targets);
    if (inputList != null) {
      try {
        for (String line : Files.readAllLines(inputList, StandardCharsets.UTF_8)) {
          String t = line.replaceAll("#.*", "").trim();
          if (!t.isEmpty()) {
            all.addAll(List.of(t.split("[\\s,]+")));
          }
        }
      } catch (NoSuchFileException e) {
        throw UserException.usage("scan.error.inputMissing", inputList);
      } catch (IOException e) {
        throw UserException.usage(
            "scan.error.inputUnreadable", inputList, String.valueOf(e.getMessage()));
      }
    }
    if (all.isEmpty()) {
      throw UserException.usage("scan.error.noTargets");
    }
    try {
      return Targets.parse(all, exclude);
    } catch (IllegalArgumentException e) {
      throw UserException.usage("scan.error.target", detail(e));
    }
  }

  private PortSet portSet() {
    if (ports == null) {
      Checks all = Checks.load();
      checks = all;
      TreeSet<Integer> set = new TreeSet<>(all.defaultPorts());
      set.addAll(ALTERNATE_PORTS);
      return PortSet.of(set);
    }
    try {
      return PortSet.parse(ports);
    } catch (IllegalArgumentException e) {
      throw UserException.usage("scan.error.ports", detail(e));
    }
  }

  /** Why a target or port list was refused, in the user's language where the scanner knows it. */
  private static String detail(IllegalArgumentException e) {
    return e instanceof TargetException t
        ? t.message(Locale.getDefault())
        : String.valueOf(e.getMessage());
  }

  private @Nullable Severity threshold() {
    if (failOn == null) {
      return null;
    }
    try {
      return Severity.parse(failOn);
    } catch (IllegalArgumentException e) {
      throw UserException.usage("scan.error.failOn", failOn);
    }
  }

  private ScanRenderer renderer(Locale locale) {
    try {
      return ScanRenderer.forFormat(format, locale);
    } catch (IllegalArgumentException e) {
      throw UserException.usage("scan.error.format", format);
    }
  }

  private Suppressions suppressions() {
    if (suppressFile == null) {
      return Suppressions.none();
    }
    try {
      return Suppressions.load(suppressFile);
    } catch (NoSuchFileException e) {
      throw UserException.usage("scan.error.suppressMissing", suppressFile);
    } catch (IOException e) {
      throw UserException.usage(
          "scan.error.suppressUnreadable", suppressFile, String.valueOf(e.getMessage()));
    } catch (IllegalArgumentException e) {
      throw UserException.usage(
          "scan.error.suppressInvalid", suppressFile, String.valueOf(e.getMessage()));
    }
  }

  private ScanConfig config(Locale locale) {
    try {
      Duration timeout = Duration.ofMillis(timeoutMillis);
      return ScanConfig.builder()
          .concurrency(concurrency)
          .rate(rate)
          .workers(workers)
          .connectTimeout(timeout)
          .readTimeout(readTimeout(timeout))
          .sampling(!noSample)
          .detection(DetectionEngine.standard(), Maskers::defaultFor)
          .locale(locale)
          .build();
    } catch (IllegalArgumentException e) {
      throw UserException.usage("scan.error.option", String.valueOf(e.getMessage()));
    }
  }

  /** Reads wait four connect timeouts, within 2..10 s: a service answers slower than SYN-ACK. */
  static Duration readTimeout(Duration connect) {
    Duration d = connect.multipliedBy(4);
    if (d.compareTo(Duration.ofSeconds(2)) < 0) {
      return Duration.ofSeconds(2);
    }
    return d.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : d;
  }

  private void write(ScanRenderer renderer, ScanReport report) throws IOException {
    if (output == null) {
      PrintWriter out = out();
      renderer.render(report, out);
      out.flush();
      return;
    }
    Path target = output.toAbsolutePath();
    Path tmp = Files.createTempFile(target.getParent(), ".moat-scan-", ".tmp");
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        renderer.render(report, w);
      }
      AtomicOutput.install(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void store(ScanReport report, PrintWriter err) {
    try (Store store = Store.openDefault()) {
      store.saveScan(report);
    } catch (RuntimeException e) {
      err.println(Messages.get("scan.warn.store", String.valueOf(String.valueOf(e.getMessage()))));
    }
  }

  private PrintWriter out() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    return spec.commandLine().getErr();
  }
}
