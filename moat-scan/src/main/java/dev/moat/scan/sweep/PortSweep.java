package dev.moat.scan.sweep;

import dev.moat.scan.target.Endpoint;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A TCP connect ("-sT") sweep. One thread drives a {@link Selector}: it starts non-blocking
 * connects while fewer than {@code concurrency} are in flight and the rate limit allows, and
 * collects each as open (connect completed), closed (refused or reset) or filtered (no answer
 * within the timeout). Open connections are closed at once with a RST (linger 0, set only on them:
 * one system call less for every closed port), so a full sweep leaves no TIME_WAIT sockets behind.
 *
 * <p>Timeouts are equal for every connect, so in-flight connects form a FIFO queue ordered by
 * deadline: expiry is a peek at its head. Memory is O(concurrency). A local resource error (out of
 * file descriptors or ephemeral ports) counts the endpoint as swept-with-error and pauses new
 * connects until half of those in flight have finished.
 */
public final class PortSweep {
  private final int concurrency;
  private final int rate;
  private final long timeoutNanos;

  /**
   * @param concurrency most connects in flight
   * @param rate most connects started per second; 0 = unlimited
   * @param timeout how long a connect may take before the port counts as filtered
   */
  public PortSweep(int concurrency, int rate, Duration timeout) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be >= 1: " + concurrency);
    }
    if (rate < 0) {
      throw new IllegalArgumentException("rate must be >= 0: " + rate);
    }
    this.concurrency = concurrency;
    this.rate = rate;
    this.timeoutNanos = timeout.toNanos();
  }

  /** Told about every endpoint as it finishes. */
  @FunctionalInterface
  public interface Progress {
    /** One endpoint finished: open, or not (closed, filtered, error). */
    void swept(Endpoint e, boolean open);
  }

  /**
   * Sweeps every endpoint of {@code endpoints}, calling {@code onOpen} for each open one (on the
   * sweep thread: hand it off quickly) and {@code progress} for each one finished.
   *
   * @throws IOException when no selector can be opened
   */
  public void run(Iterator<Endpoint> endpoints, Consumer<Endpoint> onOpen, Progress progress)
      throws IOException {
    try (Selector selector = Selector.open()) {
      new Run(selector, onOpen, progress).loop(endpoints);
    }
  }

  /** The state of one sweep. */
  private final class Run {
    private final Selector selector;
    private final Consumer<Endpoint> onOpen;
    private final Progress progress;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private int live;
    private boolean backOff;

    Run(Selector selector, Consumer<Endpoint> onOpen, Progress progress) {
      this.selector = selector;
      this.onOpen = onOpen;
      this.progress = progress;
    }

    void loop(Iterator<Endpoint> endpoints) throws IOException {
      long nanosPerPermit = rate == 0 ? 0 : 1_000_000_000L / rate;
      long nextPermit = System.nanoTime();
      while (true) {
        long now = System.nanoTime();
        while (!backOff && live < concurrency && endpoints.hasNext()) {
          if (nanosPerPermit > 0) {
            if (nextPermit - now > 0) {
              break;
            }
            // No bursts beyond one permit: a production network sees an even rate.
            nextPermit = Math.max(nextPermit, now - nanosPerPermit) + nanosPerPermit;
          }
          start(endpoints.next(), now);
        }
        if (live == 0) {
          backOff = false;
          if (!endpoints.hasNext()) {
            return;
          }
        }
        long until = Long.MAX_VALUE;
        Pending head = head();
        if (head != null) {
          until = head.deadline - now;
        }
        if (nanosPerPermit > 0 && live < concurrency && endpoints.hasNext()) {
          until = Math.min(until, nextPermit - now);
        }
        long waitMs = until == Long.MAX_VALUE ? 10 : Math.max(0, until / 1_000_000L);
        if (waitMs > 0) {
          selector.select(waitMs);
        } else {
          selector.selectNow();
        }
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey k = keys.next();
          keys.remove();
          Pending p = (Pending) k.attachment();
          boolean open;
          try {
            open = ((SocketChannel) k.channel()).finishConnect();
          } catch (IOException ex) {
            open = false;
          }
          finish(p, open);
        }
        expire(System.nanoTime());
      }
    }

    private @Nullable Pending head() {
      while (!queue.isEmpty() && queue.peekFirst().done) {
        queue.pollFirst();
      }
      return queue.peekFirst();
    }

    private void expire(long now) {
      while (true) {
        Pending head = head();
        if (head == null || head.deadline - now > 0) {
          return;
        }
        finish(head, false);
      }
    }

    private void finish(Pending p, boolean open) {
      if (p.done) {
        return;
      }
      p.done = true;
      live--;
      SelectionKey key = p.key;
      if (key != null) {
        key.cancel();
      }
      if (open) {
        abort(p.channel);
        onOpen.accept(p.endpoint);
      } else {
        closeQuietly(p.channel);
      }
      progress.swept(p.endpoint, open);
      if (backOff && live <= concurrency / 2) {
        backOff = false;
      }
    }

    private void start(Endpoint e, long now) {
      SocketChannel ch = null;
      try {
        ch = SocketChannel.open();
        ch.configureBlocking(false);
        if (ch.connect(new InetSocketAddress(e.address(), e.port()))) {
          abort(ch);
          onOpen.accept(e);
          progress.swept(e, true);
          return;
        }
        Pending p = new Pending(e, ch, now + timeoutNanos);
        p.key = ch.register(selector, SelectionKey.OP_CONNECT, p);
        queue.addLast(p);
        live++;
      } catch (ConnectException ex) {
        closeQuietly(ch);
        progress.swept(e, false);
      } catch (IOException ex) {
        // EMFILE, EADDRNOTAVAIL, ENETUNREACH …: count it and let in-flight connects drain.
        closeQuietly(ch);
        progress.swept(e, false);
        backOff = live > 0;
      }
    }
  }

  /** Closes a connected channel with a RST (linger 0): no TIME_WAIT left behind. */
  private static void abort(SocketChannel ch) {
    try {
      ch.setOption(StandardSocketOptions.SO_LINGER, 0);
    } catch (IOException ignored) {
      // the peer may have gone already; close anyway
    }
    closeQuietly(ch);
  }

  private static void closeQuietly(@Nullable SocketChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // nothing to do
      }
    }
  }

  /** One connect in flight. */
  private static final class Pending {
    final Endpoint endpoint;
    final SocketChannel channel;
    final long deadline;
    @Nullable SelectionKey key;
    boolean done;

    Pending(Endpoint endpoint, SocketChannel channel, long deadline) {
      this.endpoint = endpoint;
      this.channel = channel;
      this.deadline = deadline;
    }
  }
}
