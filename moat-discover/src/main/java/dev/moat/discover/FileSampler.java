package dev.moat.discover;

import dev.moat.core.text.Decoded;
import dev.moat.core.text.TextFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * Samples a file or a directory tree: CSV/TSV (header row = column names), JSON and JSON Lines
 * (field paths such as {@code user.phone}), XLSX (each sheet with its header row), SQLite files
 * ({@code .db}, {@code .sqlite}, {@code .sqlite3}) and any other text as free text (column {@code
 * *}). Gzip and the text encoding (UTF-8, UTF-16, GBK/GB18030) are handled by {@link TextFiles};
 * binary files are skipped.
 *
 * <p>Each file is read sequentially up to {@code 100 × rowsPerTable} records, from which a uniform
 * sample of {@code rowsPerTable} is kept; the row count is exact when the file was read to its end
 * and estimated from the file size otherwise.
 */
public final class FileSampler implements Sampler {
  static final int READ_FACTOR = 100;

  private final Path root;
  private final RandomGenerator random;

  private FileSampler(Path root, RandomGenerator random) {
    this.root = root;
    this.random = random;
  }

  /** A sampler for a file or directory. */
  public static FileSampler of(Path root) {
    return new FileSampler(root, RandomGenerator.getDefault());
  }

  /** A sampler with a given random source, for reproducible samples. */
  public static FileSampler of(Path root, RandomGenerator random) {
    return new FileSampler(root, random);
  }

  @Override
  public String displayName() {
    return root.toString();
  }

  @Override
  public SampleResult sample(SampleLimits limits) {
    if (!Files.exists(root)) {
      return SampleResult.failed(
          displayName(), new Problem(displayName(), Problem.Kind.UNREACHABLE, "no such file"));
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(root, 32)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> limits.accepts(name(p)))
              .sorted()
              .limit(limits.maxTables())
              .toList();
    } catch (IOException | UncheckedIOException e) {
      return SampleResult.failed(
          displayName(), new Problem(displayName(), Problem.Kind.UNREACHABLE, JdbcSampler.msg(e)));
    }
    List<TableSample> tables = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path f : files) {
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
      try {
        tables.addAll(sampleFile(f, limits, problems));
      } catch (IOException | RuntimeException e) {
        problems.add(new Problem(name(f), Problem.Kind.TABLE, JdbcSampler.msg(e)));
      }
    }
    if (tables.isEmpty() && problems.isEmpty() && files.isEmpty()) {
      problems.add(new Problem(displayName(), Problem.Kind.OTHER, "no files"));
    }
    return new SampleResult(displayName(), tables, problems);
  }

  private String name(Path p) {
    return p.toString();
  }

  private List<TableSample> sampleFile(Path f, SampleLimits limits, List<Problem> problems)
      throws IOException {
    String lower = f.getFileName().toString().toLowerCase(Locale.ROOT);
    String base = lower.endsWith(".gz") ? lower.substring(0, lower.length() - 3) : lower;
    String ext = base.contains(".") ? base.substring(base.lastIndexOf('.') + 1) : "";
    int n = limits.rowsPerTable();
    switch (ext) {
      case "xlsx", "xlsm" -> {
        return XlsxReader.read(f, name(f), n, random);
      }
      case "db", "sqlite", "sqlite3" -> {
        return sqlite(f, limits, problems);
      }
      default -> {
        // text formats below
      }
    }
    long size = Files.size(f);
    try (Decoded d = TextFiles.open(f)) {
      if (!(d instanceof Decoded.Text t)) {
        return List.of();
      }
      TextRecords.Result r =
          switch (ext) {
            case "csv" -> TextRecords.csv(t.reader(), null, n, random);
            case "tsv", "tab" -> TextRecords.csv(t.reader(), '\t', n, random);
            case "json" -> TextRecords.json(t.reader(), n, random);
            case "jsonl", "ndjson" -> TextRecords.jsonLines(t.reader(), n, random);
            default -> TextRecords.lines(t.reader(), n, random);
          };
      long rows = r.complete() ? r.seen() : r.estimate(t.gzip() ? -1 : size);
      return List.of(new TableSample(null, null, name(f), rows, r.sampled(), r.columns()));
    }
  }

  private List<TableSample> sqlite(Path f, SampleLimits limits, List<Problem> problems) {
    SampleResult r =
        JdbcSampler.of(JdbcTarget.of("jdbc:sqlite:" + f, null, null), random)
            .sample(
                // include/exclude were applied to the file path; the file's tables are all wanted
                new SampleLimits(
                    limits.rowsPerTable(),
                    limits.maxTables(),
                    limits.queryTimeout(),
                    1,
                    List.of(),
                    List.of()));
    problems.addAll(r.problems());
    List<TableSample> out = new ArrayList<>();
    for (TableSample t : r.tables()) {
      out.add(new TableSample(name(f), null, t.table(), t.rows(), t.sampled(), t.columns()));
    }
    return out;
  }
}
