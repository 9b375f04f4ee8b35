package dev.moat.scan.fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A loopback TCP peer for testing the fingerprinter's scheduling, not any product: each connection
 * reads the client's first bytes and then does what the script says for them (answer at once,
 * answer after a delay, or stay silent until the client hangs up). It records the first bytes of
 * every connection, the most connections open at once, and which connections the client closed.
 */
final class ScriptedPeer implements AutoCloseable {

  /**
   * What to do with one connection, given its first bytes (as ASCII): wait {@code delayMillis}
   * (forever when negative) unless the client hangs up first, then send {@code reply}, or close the
   * connection when {@code hangUp} is set.
   */
  @SuppressWarnings("ArrayRecordComponent") // a test fixture: never shared or mutated
  record Action(byte[] reply, long delayMillis, boolean hangUp) {
    /** Say nothing until the client hangs up. */
    static Action silent() {
      return new Action(new byte[0], -1, false);
    }

    /** Answer {@code text} after {@code delayMillis}. */
    static Action reply(String text, long delayMillis) {
      return new Action(text.getBytes(StandardCharsets.US_ASCII), delayMillis, false);
    }

    /** Say nothing and close the connection after {@code delayMillis}. */
    static Action hangUp(long delayMillis) {
      return new Action(new byte[0], delayMillis, true);
    }
  }

  private final ServerSocket server;
  private final Function<String, Action> script;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "scripted-peer");
            t.setDaemon(true);
            return t;
          });
  private final List<String> firstBytes = new CopyOnWriteArrayList<>();
  private final Set<String> closedByClient = ConcurrentHashMap.newKeySet();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger maxOpen = new AtomicInteger();

  private ScriptedPeer(ServerSocket server, Function<String, Action> script) {
    this.server = server;
    this.script = script;
  }

  static ScriptedPeer start(Function<String, Action> script) {
    try {
      ServerSocket s =
          new ServerSocket(0, 200, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
      ScriptedPeer peer = new ScriptedPeer(s, script);
      peer.threads.execute(peer::acceptLoop);
      return peer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getLocalPort();
  }

  /** The first bytes (ASCII) of every connection that sent some. */
  List<String> firstBytes() {
    return List.copyOf(firstBytes);
  }

  /** The first bytes of the connections that the client closed before the peer did. */
  Set<String> closedByClient() {
    return Set.copyOf(closedByClient);
  }

  /**
   * The most connections that were open at the same time. Exact while the peer is the one that
   * closes ({@link Action#hangUp}): it counts a connection gone before closing it, so the client
   * cannot have opened the next one yet.
   */
  int maxOpen() {
    return maxOpen.get();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing a test fixture
    }
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        threads.execute(() -> serve(s));
      } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    String first = "";
    boolean counted = true;
    try (s) {
      s.setSoTimeout(100);
      InputStream in = s.getInputStream();
      byte[] buf = new byte[4096];
      int n = 0;
      try {
        n = Math.max(0, in.read(buf));
      } catch (java.net.SocketTimeoutException e) {
        // a listener that sends nothing
      }
      first = new String(buf, 0, n, StandardCharsets.US_ASCII);
      if (n > 0) {
        firstBytes.add(first);
      }
      Action a = script.apply(first);
      s.setSoTimeout(a.delayMillis() > 0 ? (int) a.delayMillis() : 0);
      try {
        if (a.delayMillis() != 0 && in.read() < 0) {
          closedByClient.add(first); // the client hung up while the peer waited
          return;
        }
      } catch (java.net.SocketTimeoutException e) {
        // the delay passed: answer now
      }
      if (a.hangUp()) {
        counted = false;
        open.decrementAndGet();
        return;
      }
      if (a.delayMillis() >= 0 && a.reply().length > 0) {
        s.getOutputStream().write(Arrays.copyOf(a.reply(), a.reply().length));
        s.getOutputStream().flush();
      }
      while (in.read(buf) >= 0) {
        // wait until the client goes away
      }
    } catch (IOException e) {
      // client gone, reset, or fixture closing
    } finally {
      if (counted) {
        open.decrementAndGet();
      }
    }
  }
}
