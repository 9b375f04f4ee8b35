package dev.moat.cli;

import dev.moat.core.detect.DetectionEngine;
import dev.moat.core.mask.Masker;
import dev.moat.core.text.Decoded;
import dev.moat.core.text.TextFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Scans a list of files and streams the results to one writer in file order.
 *
 * <p>With one thread, each file's matches go straight to the output as the engine finds them. With
 * more, files are scanned in parallel, each into its own {@link Spool}, and the spools are copied
 * to the output in file order as they complete; at most {@code 2 × threads} files are in flight, so
 * memory stays bounded. Input errors (an unreadable file, corrupt gzip) are noted and the run goes
 * on; an output error ends it.
 */
final class DetectRun {
  private final DetectionEngine engine;
  private final Function<String, Masker> maskers;
  private final DetectCommand.Format format;
  private final boolean showValues;
  private final int threads;
  private final Progress progress;
  private final DetectSummary summary;
  private boolean anyMatchWritten;

  DetectRun(
      DetectionEngine engine,
      Function<String, Masker> maskers,
      DetectCommand.Format format,
      boolean showValues,
      int threads,
      Progress progress,
      DetectSummary summary) {
    this.engine = engine;
    this.maskers = maskers;
    this.format = format;
    this.showValues = showValues;
    this.threads = threads;
    this.progress = progress;
    this.summary = summary;
  }

  /** Scans {@code targets}, writing match records (json/jsonl) to {@code out}. */
  void run(List<FileWalker.Target> targets, Writer out) throws InterruptedException {
    if (threads <= 1 || targets.size() <= 1) {
      for (FileWalker.Target t : targets) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException();
        }
        FileResult r = scan(t, records() ? out : null, () -> separator(out));
        finish(r, out);
      }
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread th = new Thread(r, "moat-detect");
              th.setDaemon(true);
              return th;
            });
    ArrayDeque<Future<FileResult>> window = new ArrayDeque<>();
    try {
      int next = 0;
      while (next < targets.size() && window.size() < threads * 2) {
        window.add(submit(pool, targets.get(next++)));
      }
      while (!window.isEmpty()) {
        FileResult r = await(window.poll());
        if (next < targets.size()) {
          window.add(submit(pool, targets.get(next++)));
        }
        finish(r, out);
      }
    } finally {
      pool.shutdownNow();
      for (Future<FileResult> f : window) {
        discard(f);
      }
    }
  }

  private boolean records() {
    return format != DetectCommand.Format.TABLE;
  }

  private Future<FileResult> submit(ExecutorService pool, FileWalker.Target t) {
    return pool.submit(
        () -> {
          Spool spool = records() ? new Spool() : null;
          try {
            FileResult r = scan(t, spool, () -> {});
            return new FileResult(
                r.target(),
                r.status(),
                r.charset(),
                r.gzip(),
                r.counts(),
                r.matches(),
                r.error(),
                spool);
          } catch (RuntimeException e) {
            if (spool != null) {
              spool.close();
            }
            throw e;
          }
        });
  }

  private static FileResult await(@Nullable Future<FileResult> f) throws InterruptedException {
    if (f == null) {
      throw new IllegalStateException("empty window");
    }
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }

  private static void discard(Future<FileResult> f) {
    f.cancel(true);
    if (!f.isCancelled()) {
      try {
        Spool s = f.get().spool();
        if (s != null) {
          s.close();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | IOException | RuntimeException e) {
        // the run is already failing; the spool's temp file is deleted on close where possible
      }
    }
  }

  /** Writes what comes before a file's first record in the json document. */
  private void separator(Writer out) {
    if (format == DetectCommand.Format.JSON) {
      MatchSink.write(out, anyMatchWritten ? ",\n" : "\n");
    }
    anyMatchWritten = true;
  }

  private void finish(FileResult r, Writer out) {
    Spool spool = r.spool();
    try {
      if (spool != null && r.matches() > 0) {
        separator(out);
        try {
          spool.transferTo(out);
        } catch (IOException e) {
          throw new MatchSink.OutputFailure(e);
        }
      }
    } finally {
      if (spool != null) {
        try {
          spool.close();
        } catch (IOException e) {
          // a leftover temp file is not worth failing the run for
        }
      }
    }
    switch (r.status()) {
      case BINARY -> progress.note(Messages.get("detect.note.binary", r.target().display()));
      case UNREADABLE ->
          progress.note(
              Messages.get(
                  "detect.note.unreadable", r.target().display(), String.valueOf(r.error())));
      case SCANNED -> {}
    }
    summary.add(r);
  }

  /** Scans one file; match records go to {@code out} unless it is null. */
  private FileResult scan(FileWalker.Target t, @Nullable Writer out, Runnable beforeFirst) {
    MatchSink sink =
        new MatchSink(
            t.display(),
            out,
            format == DetectCommand.Format.JSON,
            showValues,
            maskers,
            beforeFirst);
    String charset = null;
    boolean gzip = false;
    try {
      InputStream in = progress.count(Files.newInputStream(t.path()));
      try (Decoded d = TextFiles.open(in)) {
        gzip = d.gzip();
        if (d instanceof Decoded.Text text) {
          charset = text.charset().name();
          String name = t.path().getFileName().toString();
          char delimiter = CsvScan.delimiter(name);
          InputStream utf8 = text.utf8();
          if (delimiter != 0) {
            new CsvScan(engine, delimiter, sink).run(text.reader());
          } else if ((JsonLinesScan.jsonName(name) || JsonLinesScan.logName(name))
              && (utf8 == null || JsonLinesScan.firstLineIsJson(utf8))) {
            // keys as context, when the first line is JSON; other UTF-8 files keep the byte path
            new JsonLinesScan(engine, sink).run(text.reader());
          } else if (JsonLinesScan.jsonName(name)
              && (utf8 == null || JsonLinesScan.startsLikeJson(utf8))) {
            // a pretty-printed JSON document: read whole when it is not too large
            new JsonLinesScan(engine, sink).document(text.reader());
          } else if (utf8 != null) {
            // UTF-8 and ASCII, the common case: scanned as bytes, same matches, no decoding.
            engine.scanUtf8(utf8, sink);
          } else {
            engine.scan(text.reader(), sink);
          }
        } else {
          return result(t, FileResult.Status.BINARY, null, gzip, sink, null);
        }
      }
    } catch (IOException e) {
      return result(t, FileResult.Status.UNREADABLE, charset, gzip, sink, reason(e));
    } catch (UncheckedIOException e) {
      IOException c = e.getCause();
      IOException io = c == null ? new IOException(e) : c;
      return result(t, FileResult.Status.UNREADABLE, charset, gzip, sink, reason(io));
    } finally {
      progress.fileDone();
    }
    return result(t, FileResult.Status.SCANNED, charset, gzip, sink, null);
  }

  private static FileResult result(
      FileWalker.Target t,
      FileResult.Status status,
      @Nullable String charset,
      boolean gzip,
      MatchSink sink,
      @Nullable String error) {
    Map<String, Long> counts = sink.counts();
    return new FileResult(t, status, charset, gzip, counts, sink.matches(), error, null);
  }

  /** A short, user-facing reason for an input error. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return Messages.get("detect.reason.denied");
    }
    if (e instanceof NoSuchFileException) {
      return Messages.get("detect.reason.gone");
    }
    if (e instanceof ZipException || e instanceof java.io.EOFException) {
      return Messages.get("detect.reason.gzip", String.valueOf(e.getMessage()));
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
