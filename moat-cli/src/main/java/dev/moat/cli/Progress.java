package dev.moat.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A one-line progress bar on standard error for long runs: bytes read of the total, files done,
 * throughput. It appears only after {@value #DELAY_MS} ms, so short runs print nothing, and is
 * redrawn from a daemon thread four times a second. Notes printed meanwhile go through {@link
 * #note} so they do not collide with the bar.
 */
final class Progress implements AutoCloseable {
  private static final long DELAY_MS = 1000;
  private static final int WIDTH = 24;

  private final PrintWriter err;
  private final long totalBytes;
  private final int totalFiles;
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong files = new AtomicLong();
  private final long started = System.nanoTime();
  private final @Nullable ScheduledExecutorService ticker;
  private boolean drawn;
  private boolean closed;

  private Progress(PrintWriter err, long totalBytes, int totalFiles, boolean enabled) {
    this.err = err;
    this.totalBytes = Math.max(1, totalBytes);
    this.totalFiles = totalFiles;
    if (enabled) {
      ScheduledExecutorService t =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread th = new Thread(r, "moat-progress");
                th.setDaemon(true);
                return th;
              });
      ScheduledFuture<?> unused =
          t.scheduleAtFixedRate(this::draw, DELAY_MS, 250, TimeUnit.MILLISECONDS);
      ticker = t;
    } else {
      ticker = null;
    }
  }

  /** A progress bar if {@code enabled}, otherwise a silent counter. */
  static Progress start(PrintWriter err, long totalBytes, int totalFiles, boolean enabled) {
    return new Progress(err, totalBytes, totalFiles, enabled);
  }

  /** Whether standard error is a terminal; only then does {@code auto} show a bar. */
  @SuppressWarnings("SystemConsoleNull") // handled: isTerminal() is asked where it exists
  static boolean stderrIsTerminal() {
    java.io.Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      // JDK 22+ returns a Console even when redirected; isTerminal() tells the truth there.
      Object t = java.io.Console.class.getMethod("isTerminal").invoke(c);
      return Boolean.TRUE.equals(t);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** Counts the bytes read through {@code in}. */
  InputStream count(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          bytes.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          bytes.addAndGet(n);
        }
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        long s = super.skip(n);
        bytes.addAndGet(s);
        return s;
      }
    };
  }

  /** One more file finished. */
  void fileDone() {
    files.incrementAndGet();
  }

  /** Prints a line on standard error without mangling the bar. */
  synchronized void note(String line) {
    clear();
    err.println(line);
    err.flush();
  }

  private synchronized void draw() {
    if (closed) {
      return;
    }
    long b = Math.min(bytes.get(), totalBytes);
    double frac = (double) b / totalBytes;
    int full = (int) (frac * WIDTH);
    double secs = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
    String line =
        String.format(
            Locale.ROOT,
            "\r[%s%s] %3d%%  %s/%s  %d/%d  %s/s ",
            "#".repeat(full),
            " ".repeat(WIDTH - full),
            (int) (frac * 100),
            human(b),
            human(totalBytes),
            files.get(),
            totalFiles,
            human((long) (bytes.get() / secs)));
    err.print(line);
    err.flush();
    drawn = true;
  }

  private void clear() {
    if (drawn) {
      err.print("\r" + " ".repeat(78) + "\r");
      drawn = false;
    }
  }

  static String human(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /** Stops the bar and erases it. */
  @Override
  public synchronized void close() {
    closed = true;
    ScheduledExecutorService t = ticker;
    if (t != null) {
      t.shutdownNow();
    }
    clear();
    err.flush();
  }
}
