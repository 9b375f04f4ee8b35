package dev.moat.cli;

import dev.moat.scan.ScanProgress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A one-line progress display for {@code moat scan} on stderr: hosts, ports swept, open ports,
 * findings. Redrawn five times a second by a daemon thread, only when stderr is a terminal, so logs
 * and pipes never see carriage returns.
 */
final class ProgressBar {
  private static final long PERIOD_MILLIS = 200;

  private final ScanProgress progress;
  private final PrintWriter err;
  private final Thread thread;
  private volatile boolean running = true;

  ProgressBar(ScanProgress progress, PrintWriter err) {
    this.progress = progress;
    this.err = err;
    this.thread = new Thread(this::loop, "moat-scan-progress");
    thread.setDaemon(true);
  }

  /** True when file descriptor 2 is a terminal (Linux: /proc/self/fd/2 points at a tty). */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  void start() {
    thread.start();
  }

  void stop() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(1000);
    synchronized (err) {
      err.print("\r\033[2K");
      err.flush();
    }
  }

  private void loop() {
    while (running) {
      draw();
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return; // stop() interrupts: the scan is over
      }
    }
  }

  private void draw() {
    long total = progress.totalEndpoints();
    long swept = progress.swept();
    double pct = total == 0 || total == Long.MAX_VALUE ? 0 : 100.0 * swept / total;
    String line =
        Messages.get(
            "scan.progress",
            String.valueOf(progress.hostsStarted()),
            String.valueOf(progress.totalHosts()),
            String.valueOf(swept),
            String.valueOf(total),
            String.format(Locale.ROOT, "%.1f", pct),
            String.valueOf(progress.open()),
            String.valueOf(progress.inspected()),
            String.valueOf(progress.findings()));
    synchronized (err) {
      err.print("\r\033[2K" + line);
      err.flush();
    }
  }
}
