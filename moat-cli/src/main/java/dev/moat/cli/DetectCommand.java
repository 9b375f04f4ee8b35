package dev.moat.cli;

import dev.moat.core.config.ConfigException;
import dev.moat.core.config.CustomDetector;
import dev.moat.core.config.DetectConfig;
import dev.moat.core.config.MaskConfig;
import dev.moat.core.config.MoatConfig;
import dev.moat.core.detect.Confidence;
import dev.moat.core.detect.DetectionEngine;
import dev.moat.core.detect.DetectionEngineBuilder;
import dev.moat.core.detect.Entities;
import dev.moat.core.mask.Masker;
import dev.moat.core.mask.Maskers;
import dev.moat.core.text.PathExcludes;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code moat detect PATH...}: finds personal and sensitive data in files and directories.
 *
 * <p>Everything the user typed is checked before any output is opened, so a usage or config error
 * (exit 2) leaves nothing behind. Options override {@code moat.yaml} and {@code MOAT_*} variables.
 */
@Command(
    name = "detect",
    resourceBundle = "dev.moat.cli.DetectMessages",
    headerHeading = "",
    descriptionHeading = "%n",
    sortOptions = false,
    usageHelpAutoWidth = true)
public final class DetectCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format {
    TABLE,
    JSON,
    JSONL
  }

  /** Validator names the engine accepts for custom detectors (DetectionEngineBuilder#addCustom). */
  static final List<String> VALIDATORS =
      List.of("luhn", "cn_resident_id", "cn_uscc", "cn_org_code", "cn_mobile");

  @Spec @Nullable CommandSpec spec;

  @ParentCommand @Nullable MoatCommand parent;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      descriptionKey = "usageHelp")
  boolean help;

  @Parameters(paramLabel = "PATH", arity = "1..*", descriptionKey = "detect.paths")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--entities",
      paramLabel = "IDS",
      split = ",",
      descriptionKey = "detect.opt.entities")
  List<String> entities = new ArrayList<>();

  @Option(
      names = "--min-confidence",
      paramLabel = "LEVEL",
      descriptionKey = "detect.opt.minConfidence")
  @Nullable String minConfidence;

  @Option(names = "--exclude", paramLabel = "GLOB", descriptionKey = "detect.opt.exclude")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N", descriptionKey = "detect.opt.threads")
  @Nullable String threads;

  @Option(names = "--fail", descriptionKey = "detect.opt.fail")
  boolean fail;

  @Option(names = "--format", paramLabel = "FORMAT", descriptionKey = "detect.opt.format")
  String format = "table";

  @Option(names = "--show-values", descriptionKey = "detect.opt.showValues")
  boolean showValues;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      descriptionKey = "detect.opt.output")
  @Nullable Path output;

  @Option(names = "--progress", paramLabel = "WHEN", descriptionKey = "detect.opt.progress")
  String progress = "auto";

  @Override
  public Integer call() throws IOException, InterruptedException {
    CommandSpec s = java.util.Objects.requireNonNull(spec, "spec");
    PrintWriter err = s.commandLine().getErr();
    MoatConfig config = loadConfig();
    DetectConfig detect = applyOptions(config.detect());
    Format fmt = parseFormat(format);
    boolean bar = parseProgress(progress);
    DetectionEngine engine = buildEngine(detect);
    Function<String, Masker> maskers = maskers(config.mask(), detect);
    checkPaths();
    Path out = checkOutput();

    List<FileWalker.Target> targets = new ArrayList<>();
    List<String> walkErrors = new ArrayList<>();
    for (FileWalker.Target t :
        FileWalker.walk(
            paths,
            detect.excludes(),
            (p, e) ->
                walkErrors.add(Messages.get("detect.note.unreadable", p, DetectRun.reason(e))))) {
      if (out == null || !sameFile(t.path(), out)) {
        targets.add(t);
      }
    }
    long totalBytes = targets.stream().mapToLong(FileWalker.Target::size).sum();
    DetectSummary summary = new DetectSummary();
    try (Progress p = Progress.start(err, totalBytes, targets.size(), bar)) {
      walkErrors.forEach(p::note);
      if (out != null) {
        try (AtomicOutput o = openOutput(out)) {
          render(engine, maskers, fmt, detect.effectiveThreads(), p, summary, targets, o.writer());
          o.commit();
        }
      } else {
        Writer w = new BufferedWriter(new StdoutWriter(s.commandLine().getOut()), 1 << 16);
        render(engine, maskers, fmt, detect.effectiveThreads(), p, summary, targets, w);
      }
    } catch (MatchSink.OutputFailure e) {
      if (e.io() instanceof StdoutWriter.Closed) {
        // The reader went away (moat detect … | head): stop quietly, as grep does.
        return fail && summary.matches() > 0 ? ExitCode.FLAGGED : ExitCode.OK;
      }
      throw UserException.runtime(
          e.io(), "detect.error.write", String.valueOf(e.io().getMessage()));
    }
    if (summary.files() > 0 && summary.scanned() == 0 && summary.unreadable() > 0) {
      throw UserException.runtime("detect.error.nothing", summary.files());
    }
    return fail && summary.matches() > 0 ? ExitCode.FLAGGED : ExitCode.OK;
  }

  private void render(
      DetectionEngine engine,
      Function<String, Masker> maskers,
      Format fmt,
      int threadCount,
      Progress p,
      DetectSummary summary,
      List<FileWalker.Target> targets,
      Writer w)
      throws IOException, InterruptedException {
    if (fmt == Format.JSON) {
      w.write("{\"matches\":[");
    }
    new DetectRun(engine, maskers, fmt, showValues, threadCount, p, summary).run(targets, w);
    switch (fmt) {
      case JSON -> {
        w.write(summary.matches() > 0 ? "\n],\n" : "],\n");
        summary.writeJson(w);
        w.write("}\n");
      }
      case TABLE -> summary.writeTable(w);
      case JSONL -> {}
    }
    try {
      w.flush();
    } catch (IOException e) {
      throw new MatchSink.OutputFailure(e);
    }
  }

  private MoatConfig loadConfig() {
    return ConfigLoader.forCommand(
        parent == null ? null : parent.config, System.getenv(), "detect.error.config");
  }

  private DetectConfig applyOptions(DetectConfig c) {
    DetectConfig d = c;
    if (!entities.isEmpty()) {
      List<String> ids = new ArrayList<>();
      for (String e : entities) {
        if (!e.isBlank()) {
          ids.add(e.trim().toUpperCase(Locale.ROOT));
        }
      }
      d = d.withEntities(ids);
    }
    Set<String> known = new LinkedHashSet<>(Entities.ALL);
    d.custom().forEach(x -> known.add(x.entity()));
    for (String id : d.entities()) {
      if (!known.contains(id)) {
        throw UserException.usage("detect.error.entity", id, String.join(", ", known));
      }
    }
    if (minConfidence != null) {
      try {
        d = d.withMinConfidence(Confidence.parse(minConfidence));
      } catch (IllegalArgumentException e) {
        throw UserException.usage("detect.error.confidence", minConfidence);
      }
    }
    if (threads != null) {
      int t;
      try {
        t = Integer.parseInt(threads.trim());
      } catch (NumberFormatException e) {
        throw UserException.usage("detect.error.threads", threads);
      }
      if (t < 0 || t > DetectConfig.MAX_THREADS) {
        throw UserException.usage("detect.error.threads", threads);
      }
      d = d.withThreads(t);
    }
    for (String g : exclude) {
      try {
        PathExcludes.of(List.of(g));
      } catch (IllegalArgumentException e) {
        throw UserException.usage("detect.error.exclude", g, String.valueOf(e.getMessage()));
      }
    }
    return d.withMoreExcludes(exclude);
  }

  private static Format parseFormat(String f) {
    return switch (f.trim().toLowerCase(Locale.ROOT)) {
      case "table" -> Format.TABLE;
      case "json" -> Format.JSON;
      case "jsonl", "ndjson" -> Format.JSONL;
      default -> throw UserException.usage("detect.error.format", f);
    };
  }

  private static boolean parseProgress(String p) {
    return switch (p.trim().toLowerCase(Locale.ROOT)) {
      case "auto" -> Progress.stderrIsTerminal();
      case "always" -> true;
      case "never" -> false;
      default -> throw UserException.usage("detect.error.progress", p);
    };
  }

  private static DetectionEngine buildEngine(DetectConfig d) {
    DetectionEngineBuilder b = DetectionEngine.builder().minConfidence(d.minConfidence());
    try {
      for (int i = 0; i < d.custom().size(); i++) {
        CustomDetector c = d.custom().get(i);
        String v = c.validator().map(x -> x.trim().toLowerCase(Locale.ROOT)).orElse(null);
        if (v != null && !VALIDATORS.contains(v)) {
          // Checked here as well as in the engine so the message is in the user's language.
          throw new ConfigException(
              "detect.custom[" + i + "].validator",
              "config.validator",
              v,
              String.join(", ", VALIDATORS));
        }
        try {
          b.addCustom(
              c.entity(),
              c.pattern(),
              c.validator().orElse(null),
              c.hotwords(),
              c.category(),
              c.level());
        } catch (IllegalArgumentException e) {
          throw new ConfigException(
              "detect.custom[" + i + "]", "config.engine", String.valueOf(e.getMessage()));
        }
      }
      if (!d.entities().isEmpty()) {
        b.entities(d.entities());
      }
      return b.build();
    } catch (ConfigException e) {
      throw UserException.usage("detect.error.config", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw UserException.usage("detect.error.config", String.valueOf(e.getMessage()));
    }
  }

  /** The masker of each entity: config overrides, else the entity's default. */
  private static Function<String, Masker> maskers(MaskConfig m, DetectConfig d) {
    Map<String, Masker> map = new HashMap<>();
    for (String id : Entities.ALL) {
      map.put(id, Maskers.defaultFor(id));
    }
    d.custom().forEach(c -> map.put(c.entity(), Maskers.defaultFor(c.entity())));
    byte[] key = null;
    for (Map.Entry<String, String> e : m.overrides().entrySet()) {
      String where = "mask.overrides." + e.getKey();
      try {
        if (key == null && e.getValue().trim().toLowerCase(Locale.ROOT).startsWith("hmac")) {
          Optional<dev.moat.core.config.SecretRef> ref = m.hmacKey();
          if (ref.isEmpty()) {
            throw new ConfigException(where, "config.mask.nokey");
          }
          try {
            key = ref.get().resolve(System::getenv);
          } catch (ConfigException ce) {
            throw ce.under("mask.hmacKey");
          }
        }
        try {
          map.put(e.getKey(), Maskers.parse(e.getValue(), key));
        } catch (IllegalArgumentException iae) {
          throw new ConfigException(
              where, "config.mask", e.getValue(), String.valueOf(iae.getMessage()));
        }
      } catch (ConfigException ce) {
        throw UserException.usage("detect.error.config", ce.getMessage());
      }
    }
    Map<String, Masker> fixed = Map.copyOf(map);
    return id -> {
      Masker k = fixed.get(id);
      return k != null ? k : Maskers.defaultFor(id);
    };
  }

  private void checkPaths() {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw UserException.usage("detect.error.path.missing", FileWalker.display(p.toString()));
      }
      if (!Files.isReadable(p)) {
        throw UserException.usage("detect.error.path.unreadable", FileWalker.display(p.toString()));
      }
    }
  }

  private @Nullable Path checkOutput() {
    if (output == null) {
      return null;
    }
    Path o = output.toAbsolutePath().normalize();
    if (Files.isDirectory(o)) {
      throw UserException.usage("detect.error.output.dir", output);
    }
    Path dir = o.getParent();
    if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
      throw UserException.usage("detect.error.output", output, Messages.get("detect.reason.nodir"));
    }
    return o;
  }

  private static AtomicOutput openOutput(Path out) {
    try {
      return AtomicOutput.open(out);
    } catch (IOException e) {
      throw UserException.usage("detect.error.output", out, String.valueOf(e.getMessage()));
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }
}
