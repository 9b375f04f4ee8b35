package dev.moat.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A misbehaving TCP peer on a free loopback port, for testing that scanners never hang or crash:
 * each {@link Behaviour} is one way real broken or hostile services behave. Every connection gets
 * its own thread; {@link #close()} stops them all.
 */
public final class HostilePeer implements AutoCloseable {

  /** How the peer misbehaves. */
  public enum Behaviour {
    /** Accepts and never sends a byte (a tarpit, a firewall that completes handshakes). */
    SILENT,
    /** Sends bytes without end as fast as the reader takes them. */
    ENDLESS,
    /** Answers one byte per second, forever. */
    TRICKLE,
    /** Sends half a plausible reply, then resets the connection (RST). */
    RESET_MID_REPLY,
    /** Answers a TLS ClientHello with a record header followed by garbage. */
    BROKEN_TLS
  }

  private final ServerSocket server;
  private final Behaviour behaviour;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "hostile-peer");
            t.setDaemon(true);
            return t;
          });

  private HostilePeer(ServerSocket server, Behaviour behaviour) {
    this.server = server;
    this.behaviour = behaviour;
  }

  /** Starts a peer that behaves as {@code behaviour}. */
  public static HostilePeer start(Behaviour behaviour) {
    try {
      ServerSocket s = new ServerSocket(0, 100, Ports.loopback());
      HostilePeer peer = new HostilePeer(s, behaviour);
      peer.threads.execute(peer::acceptLoop);
      return peer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port. */
  public int port() {
    return server.getLocalPort();
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
        threads.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      } catch (java.util.concurrent.RejectedExecutionException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      switch (behaviour) {
        case SILENT -> drain(in);
        case ENDLESS -> {
          byte[] junk = new byte[8192];
          Arrays.fill(junk, (byte) 'A');
          while (!Thread.currentThread().isInterrupted()) {
            out.write(junk);
          }
        }
        case TRICKLE -> {
          while (!Thread.currentThread().isInterrupted()) {
            out.write('+');
            out.flush();
            Thread.sleep(1000);
          }
        }
        case RESET_MID_REPLY -> {
          waitForBytes(in);
          out.write(
              "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{\"cluster_name\":"
                  .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          s.setSoLinger(true, 0); // close() now sends RST
        }
        case BROKEN_TLS -> {
          waitForBytes(in);
          out.write(new byte[] {0x16, 0x03, 0x03, 0x00, 0x40, 0x02, 0x00, 0x00, 0x3c});
          out.write(
              "this is not a TLS handshake at all, just bytes".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          drain(in);
        }
      }
    } catch (IOException | InterruptedException e) {
      // peer gone or fixture closing
    }
  }

  private static void waitForBytes(InputStream in) throws IOException {
    if (in.read() < 0) {
      throw new SocketException("closed before sending");
    }
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buf = new byte[4096];
    while (in.read(buf) >= 0) {
      // read and ignore until the client goes away
    }
  }
}
