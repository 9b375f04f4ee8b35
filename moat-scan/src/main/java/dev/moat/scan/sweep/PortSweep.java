package dev.moat.scan.sweep;

import dev.moat.scan.target.Endpoint;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A TCP connect ("-sT") sweep. A thread drives a {@link Selector} (or several threads one each,
 * taking endpoints from the same iterator): it starts non-blocking connects while fewer than {@code
 * concurrency} are in flight and the rate limit allows, and collects each as open (connect
 * completed), closed (refused or reset) or filtered (no answer within the timeout). Open
 * connections are closed at once with a RST (linger 0, set only on them: one system call less for
 * every closed port), so a full sweep leaves no TIME_WAIT sockets behind.
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
  private final int threads;

  /**
   * @param concurrency most connects in flight
   * @param rate most connects started per second; 0 = unlimited
   * @param timeout how long a connect may take before the port counts as filtered
   */
  public PortSweep(int concurrency, int rate, Duration timeout) {
    this(concurrency, rate, timeout, 1);
  }

  /**
   * A sweep driven by {@code threads} selector threads that take endpoints from one queue and share
   * the limits ({@code concurrency} and {@code rate} are split between them). One thread keeps up
   * with any network; on loopback, where every connect is answered at once, the kernel's work per
   * connect is the limit and a second core nearly doubles the rate.
   *
   * @param threads selector threads, at least 1
   */
  public PortSweep(int concurrency, int rate, Duration timeout, int threads) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be >= 1: " + concurrency);
    }
    if (rate < 0) {
      throw new IllegalArgumentException("rate must be >= 0: " + rate);
    }
    if (threads < 1 || threads > concurrency) {
      throw new IllegalArgumentException("threads must be 1.." + concurrency + ": " + threads);
    }
    this.concurrency = concurrency;
    this.rate = rate;
    this.timeoutNanos = timeout.toNanos();
    this.threads = threads;
  }

  /** Told about every endpoint as it finishes. */
  @FunctionalInterface
  public interface Progress {
    /** One endpoint finished: open, or not (closed, filtered, error). */
    void swept(Endpoint e, boolean open);
  }

  /**
   * Sweeps every endpoint of {@code endpoints}, calling {@code onOpen} for each open one (on a
   * sweep thread: hand it off quickly) and {@code progress} for each one finished. With more than
   * one thread both are called from several threads at once, and {@code endpoints} is read by one
   * thread at a time; the caller's thread is one of the sweepers and returns when all are done.
   *
   * @throws IOException when no selector can be opened
   */
  public void run(Iterator<Endpoint> endpoints, Consumer<Endpoint> onOpen, Progress progress)
      throws IOException {
    if (threads == 1) {
      try (Selector selector = Selector.open()) {
        new Run(selector, onOpen, progress, concurrency, rate).loop(new Object(), endpoints);
      }
      return;
    }
    Object lock = new Object();
    List<Thread> helpers = new ArrayList<>();
    AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
    for (int t = 0; t < threads; t++) {
      int share = concurrency / threads + (t < concurrency % threads ? 1 : 0);
      int rateShare = rate == 0 ? 0 : Math.max(1, rate / threads);
      Runnable r =
          () -> {
            try (Selector selector = Selector.open()) {
              new Run(selector, onOpen, progress, share, rateShare).loop(lock, endpoints);
            } catch (IOException | RuntimeException | Error e) {
              failure.compareAndSet(null, e);
            }
          };
      if (t == threads - 1) {
        r.run(); // the caller's thread is the last sweeper
      } else {
        Thread th = new Thread(r, "moat-sweep-" + t);
        th.setDaemon(true);
        th.start();
        helpers.add(th);
      }
    }
    for (Thread th : helpers) {
      try {
        th.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while sweeping");
      }
    }
    Throwable f = failure.get();
    if (f instanceof IOException io) {
      throw io;
    } else if (f instanceof RuntimeException re) {
      throw re;
    } else if (f instanceof Error err) {
      throw err;
    }
  }

  /** The state of one sweep. */
  private final class Run {
    private final Selector selector;
    private final Consumer<Endpoint> onOpen;
    private final Progress progress;
    private final int concurrency;
    private final int rate;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final ArrayList<Pending> fresh = new ArrayList<>();
    private int live;
    private boolean backOff;
    private boolean exhausted;

    Run(
        Selector selector,
        Consumer<Endpoint> onOpen,
        Progress progress,
        int concurrency,
        int rate) {
      this.selector = selector;
      this.onOpen = onOpen;
      this.progress = progress;
      this.concurrency = concurrency;
      this.rate = rate;
    }

    /** The next endpoint of {@code endpoints} (read under {@code lock}), or null at the end. */
    private @Nullable Endpoint take(Object lock, Iterator<Endpoint> endpoints) {
      synchronized (lock) {
        if (endpoints.hasNext()) {
          return endpoints.next();
        }
      }
      exhausted = true;
      return null;
    }

    void loop(Object lock, Iterator<Endpoint> endpoints) throws IOException {
      long nanosPerPermit = rate == 0 ? 0 : 1_000_000_000L / rate;
      long nextPermit = System.nanoTime();
      while (true) {
        long now = System.nanoTime();
        while (!backOff && live < concurrency && !exhausted) {
          if (nanosPerPermit > 0) {
            if (nextPermit - now > 0) {
              break;
            }
            // No bursts beyond one permit: a production network sees an even rate.
            nextPermit = Math.max(nextPermit, now - nanosPerPermit) + nanosPerPermit;
          }
          Endpoint e = take(lock, endpoints);
          if (e != null) {
            start(e, now);
          }
        }
        settleFresh();
        if (live == 0) {
          backOff = false;
          if (exhausted) {
            return;
          }
        }
        long until = Long.MAX_VALUE;
        Pending head = head();
        if (head != null) {
          until = head.deadline - now;
        }
        if (nanosPerPermit > 0 && live < concurrency && !exhausted) {
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
          finish(p, Boolean.TRUE.equals(outcome(p.channel)));
        }
        expire(System.nanoTime());
      }
    }

    /**
     * Settles the connects just started before any goes to the selector: a port of a host close by
     * (loopback, the same LAN) usually answers while the others of the batch are being started, so
     * one non-blocking check finds most of them done and spares them two {@code epoll_ctl} calls
     * and the selector's bookkeeping; the rest are registered and waited for.
     */
    private void settleFresh() {
      for (Pending p : fresh) {
        Boolean open = outcome(p.channel);
        if (open == null) {
          try {
            p.key = p.channel.register(selector, SelectionKey.OP_CONNECT, p);
            continue;
          } catch (IOException ex) {
            open = false;
          }
        }
        finish(p, open);
      }
      fresh.clear();
    }

    /**
     * Where a connect stands: true when open, false when refused, reset or unreachable, null while
     * it is still under way.
     */
    private @Nullable Boolean outcome(SocketChannel ch) {
      try {
        return ch.finishConnect() ? !selfConnected(ch) : null;
      } catch (IOException ex) {
        return false;
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
        ch = SocketChannel.open(familyOf(e.address()));
        ch.configureBlocking(false);
        if (ch.connect(new InetSocketAddress(e.address(), e.port()))) {
          boolean self = selfConnected(ch);
          abort(ch);
          if (!self) {
            onOpen.accept(e);
          }
          progress.swept(e, !self);
          return;
        }
        Pending p = new Pending(e, ch, now + timeoutNanos);
        fresh.add(p);
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

  /**
   * A connect to a closed port of this very host in the ephemeral range can get that port as its
   * own source port; TCP's simultaneous open then connects the socket to itself, and nothing
   * listens there. (Seen on sweeps of the whole range of 127.0.0.1: a phantom open port in one run
   * of two.)
   */
  static boolean selfConnected(SocketChannel ch) throws IOException {
    return ch.getLocalAddress() != null && ch.getLocalAddress().equals(ch.getRemoteAddress());
  }

  /**
   * An IPv4 target gets an IPv4 socket: the default dual-stack IPv6 socket costs an extra {@code
   * setsockopt} per connect and the kernel's IPv6 path on top of the IPv4 one.
   */
  private static ProtocolFamily familyOf(InetAddress address) {
    return address instanceof Inet4Address
        ? StandardProtocolFamily.INET
        : StandardProtocolFamily.INET6;
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
