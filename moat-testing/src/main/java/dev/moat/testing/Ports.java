package dev.moat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port helpers. Every address here is 127.0.0.1: tests never touch anything else. */
public final class Ports {
  /** The only host tests use. */
  public static final String LOOPBACK = "127.0.0.1";

  private Ports() {}

  /** A TCP port on 127.0.0.1 that was free a moment ago. */
  public static int free() {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
      s.bind(new InetSocketAddress(loopback(), 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 127.0.0.1 as an address, without a name lookup. */
  public static InetAddress loopback() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** True when something accepts TCP connections on 127.0.0.1:{@code port}. */
  public static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(loopback(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
