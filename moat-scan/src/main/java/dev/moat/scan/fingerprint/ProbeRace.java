package dev.moat.scan.fingerprint;

import dev.moat.scan.check.Connection;
import dev.moat.scan.check.Identity;
import dev.moat.scan.check.Limits;
import dev.moat.scan.check.Probe;
import dev.moat.scan.check.Recognition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * The probes of one port racing each other: every probe on a connection of its own, run on the
 * shared probe executor, at most {@code maxOpen} of them at once. The first recogniser to match on
 * any connection decides the port; the other connections are then closed (which ends their blocked
 * reads at once) and probes still queued never connect. A refused connect means the port closed
 * since the sweep: the race ends with nothing found.
 *
 * <p>A later wave opens its probes a few at a time, in their order: {@value #LATER_WIDTH} at first,
 * the next as soon as one of them ends and, so that a port where every probe waits in silence is
 * not slowed much, one more every {@value #STAGGER_MILLIS} ms regardless. A server that rejects a
 * foreign probe at once (most do: they close or answer an error) therefore sees the probes one
 * after another and, once one matches, no more — a PostgreSQL that forks a backend for every
 * connection gets three or four probe connections instead of nine.
 *
 * <p>Each connection reads with the limits it was given (budget, read timeout, read cap), so every
 * task ends in bounded time and so does the race, even when nothing matches.
 *
 * <p>Used by one thread (the port's worker) that starts waves and waits; the tasks report back from
 * the executor's threads. All shared state is guarded by {@code this}.
 */
final class ProbeRace {
  /** Probes of a later wave that start at once. */
  static final int LATER_WIDTH = 2;

  /** Interval after which a later wave opens one more probe even though none ended. */
  static final long STAGGER_MILLIS = 40;

  private final Executor executor;
  private final InetSocketAddress address;
  private final boolean tls;
  private final Limits limits;
  private final List<Probe> banners;
  private final int maxOpen;

  private final ArrayDeque<Task> queued = new ArrayDeque<>();
  private final Set<Connection> open = new HashSet<>();
  private int running;
  private boolean laterWave;
  private int laterRunning;
  private long laterSince;
  private int firstWavePending;
  private @Nullable Identity found;
  private boolean gone;
  private boolean over;

  /**
   * @param limits limits of every probe connection (its budget is the probe wait)
   * @param banners banner recognisers, offered the bytes of every connection: a service that speaks
   *     first greets every client, whatever the client sent
   * @param maxOpen most probe connections of this race open at once
   */
  ProbeRace(
      Executor executor,
      InetSocketAddress address,
      boolean tls,
      Limits limits,
      List<Probe> banners,
      int maxOpen) {
    this.executor = executor;
    this.address = address;
    this.tls = tls;
    this.limits = limits;
    this.banners = banners;
    this.maxOpen = maxOpen;
  }

  /**
   * Queues the first wave: {@code probes} and, when {@code listen} is set, a connection that sends
   * nothing and waits for a banner. The listener counts for {@link #awaitFirstWave} only when it is
   * the whole wave.
   */
  synchronized void startFirstWave(List<Probe> probes, boolean listen) {
    if (listen) {
      queue(new Task(null, probes.isEmpty(), false));
    }
    for (Probe p : probes) {
      queue(new Task(p, true, false));
    }
    launch();
  }

  /**
   * Queues {@code probes} (a later wave) and, when {@code listenLast} is set, after them a
   * connection that sends nothing and waits for a banner; no-op once the race is decided.
   */
  synchronized void startWave(List<Probe> probes, boolean listenLast) {
    if (!laterWave) {
      laterWave = true;
      laterSince = System.nanoTime();
    }
    for (Probe p : probes) {
      queue(new Task(p, false, true));
    }
    if (listenLast) {
      queue(new Task(null, false, true));
    }
    launch();
  }

  /**
   * Waits until the race is decided, every payload probe of the first wave (or the listener, when
   * it is alone) has finished without a match, or {@code maxWaitNanos} have passed, whichever comes
   * first.
   */
  synchronized void awaitFirstWave(long maxWaitNanos) throws InterruptedException {
    long end = System.nanoTime() + maxWaitNanos;
    while (!decided() && firstWavePending > 0) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return;
      }
      waitNanos(left);
    }
  }

  /** Waits until the race is decided or every probe has finished. */
  synchronized void awaitAll() throws InterruptedException {
    while (!decided() && (running > 0 || !queued.isEmpty())) {
      if (queued.isEmpty()) {
        wait();
      } else {
        waitNanos(STAGGER_MILLIS * 1_000_000L);
        launch(); // the stagger may allow one more
      }
    }
  }

  /** True once a probe matched or the port turned out closed. */
  synchronized boolean decided() {
    return found != null || gone;
  }

  /** The identity found, or {@link Identity#UNKNOWN}. */
  synchronized Identity identity() {
    return found == null ? Identity.UNKNOWN : found;
  }

  /** True when a connect was refused: the port closed since the sweep. */
  synchronized boolean gone() {
    return gone;
  }

  /** Ends the race: closes every open probe connection and drops queued probes. Idempotent. */
  void finish() {
    List<Connection> toClose;
    synchronized (this) {
      over = true;
      queued.clear();
      toClose = new ArrayList<>(open);
      open.clear();
      notifyAll();
    }
    toClose.forEach(Connection::close);
  }

  private void queue(Task t) {
    if (!over && !decided()) {
      queued.add(t);
      if (t.firstWave) {
        firstWavePending++;
      }
    }
  }

  /** Submits queued tasks while there is room. Caller holds the lock. */
  private void launch() {
    while (running < maxOpen && !queued.isEmpty() && !over && !decided()) {
      Task t = queued.peek();
      if (t.later && laterRunning >= laterAllowed()) {
        return;
      }
      queued.poll();
      running++;
      if (t.later) {
        laterRunning++;
      }
      try {
        executor.execute(t);
      } catch (RejectedExecutionException e) {
        running--;
        done(t);
      }
    }
  }

  /** How many later-wave probes may be open now: the width, plus one per stagger interval. */
  private long laterAllowed() {
    return LATER_WIDTH + (System.nanoTime() - laterSince) / (STAGGER_MILLIS * 1_000_000L);
  }

  @SuppressWarnings("WaitNotInLoop") // callers loop
  private void waitNanos(long nanos) throws InterruptedException {
    long ms = Math.max(1, nanos / 1_000_000L);
    wait(ms);
  }

  private synchronized boolean register(Connection c) {
    if (over || decided()) {
      return false;
    }
    open.add(c);
    return true;
  }

  private synchronized void report(Task t, @Nullable Connection c, Identity id, boolean refused) {
    if (c != null) {
      open.remove(c);
    }
    if (!over && !decided()) {
      if (!id.unknown()) {
        found = id;
      } else if (refused) {
        gone = true;
      }
    }
    running--;
    done(t);
    launch();
  }

  private void done(Task t) {
    if (t.firstWave) {
      firstWavePending--;
    }
    if (t.later) {
      laterRunning--;
    }
    notifyAll();
  }

  private synchronized boolean cancelled() {
    return over || decided();
  }

  /** One probe (or, without a probe, the banner listener) on a connection of its own. */
  private final class Task implements Runnable {
    private final @Nullable Probe probe;
    private final boolean firstWave;
    private final boolean later;

    /**
     * @param firstWave whether {@link #awaitFirstWave} waits for it
     * @param later whether it belongs to a later wave (started a few at a time)
     */
    Task(@Nullable Probe probe, boolean firstWave, boolean later) {
      this.probe = probe;
      this.firstWave = firstWave;
      this.later = later;
    }

    @Override
    public void run() {
      if (cancelled()) {
        report(this, null, Identity.UNKNOWN, false);
        return;
      }
      Connection c = null;
      Identity id = Identity.UNKNOWN;
      boolean refused = false;
      try {
        c = Connection.open(address, tls, limits);
        if (!register(c)) {
          c.close();
          c = null;
        } else {
          List<Probe> recognisers = new ArrayList<>(banners.size() + 1);
          if (probe != null) {
            c.write(probe.payload());
            recognisers.add(probe);
          }
          recognisers.addAll(banners); // a speaks-first server greets whatever it is sent
          id = read(c, recognisers);
        }
      } catch (ConnectException e) {
        refused = true;
      } catch (IOException | RuntimeException e) {
        // reset, broken TLS, closed by finish(): this probe found nothing
      } finally {
        if (c != null) {
          c.close();
        }
        report(this, c, id, refused);
      }
    }
  }

  /**
   * Reads until one recogniser matches, all say no, the peer closes, or the connection's limits end
   * the read; bytes that arrived before a reset or a limit are still judged.
   */
  static Identity read(Connection c, List<Probe> recognisers) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    boolean[] ruledOut = new boolean[recognisers.size()];
    boolean done = false;
    while (!done) {
      int r;
      try {
        r = c.input().read(buf);
      } catch (SocketTimeoutException | Connection.ReadCapExceededException e) {
        r = -2;
      } catch (IOException e) {
        if (got.size() == 0) {
          throw e;
        }
        r = -1; // reset mid-reply: judge what arrived
      }
      if (r > 0) {
        got.write(buf, 0, r);
      } else {
        done = true;
      }
      if (got.size() == 0) {
        continue;
      }
      byte[] data = got.toByteArray();
      boolean anyUndecided = false;
      for (int i = 0; i < recognisers.size(); i++) {
        if (ruledOut[i]) {
          continue;
        }
        Recognition v = recognisers.get(i).recogniser().recognise(data, data.length, done);
        if (v instanceof Recognition.Match m) {
          return m.identity();
        }
        if (v instanceof Recognition.NoMatch) {
          ruledOut[i] = true;
        } else {
          anyUndecided = true;
        }
      }
      if (!anyUndecided) {
        return Identity.UNKNOWN;
      }
    }
    return Identity.UNKNOWN;
  }
}
