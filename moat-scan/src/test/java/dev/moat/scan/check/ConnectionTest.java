package dev.moat.scan.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.moat.testing.HostilePeer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The limits and the read buffer of {@link Connection}, against loopback peers. */
final class ConnectionTest {
  private static final Duration BOUND = Duration.ofSeconds(20);

  /** A one-connection peer that writes {@code reply} in one go and then waits for the client. */
  private static ServerSocket peer(byte[] reply) throws IOException {
    ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    CompletableFuture.runAsync(
        () -> {
          try (Socket s = server.accept()) {
            OutputStream out = s.getOutputStream();
            out.write(reply);
            out.flush();
            s.getInputStream().read(); // until the client hangs up
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    return server;
  }

  private static Connection connect(ServerSocket server, Limits limits) throws IOException {
    return Connection.open(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()),
        false,
        limits);
  }

  @Test
  void linesBytesAndTheRest_comeOutInOrder_fromOneBufferedPacket() throws IOException {
    byte[] reply = "220 hello\r\nsecond line\nABCD tail".getBytes(StandardCharsets.US_ASCII);
    try (ServerSocket server = peer(reply);
        Connection c = connect(server, Limits.DEFAULT)) {
      assertThat(c.readLine(100)).isEqualTo("220 hello");
      assertThat(c.readLine(100)).isEqualTo("second line");
      assertThat(new String(c.readExactly(4), StandardCharsets.US_ASCII)).isEqualTo("ABCD");
      assertThat(c.readByte()).isEqualTo(' ');
      byte[] into = new byte[64];
      int n = c.input().read(into, 0, into.length);
      assertThat(new String(into, 0, n, StandardCharsets.US_ASCII)).isEqualTo("tail");
      assertThat(c.bytesRead()).isEqualTo(reply.length);
    }
  }

  @Test
  void theReadCap_holds_evenWhenOnePacketCarriesMore() throws IOException {
    byte[] reply = "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
    try (ServerSocket server = peer(reply);
        Connection c = connect(server, Limits.DEFAULT.withReadCap(10))) {
      for (int i = 0; i < 10; i++) {
        assertThat(c.readByte()).isEqualTo(reply[i]);
      }
      assertThat(c.bytesRead()).isEqualTo(10);
      assertThatThrownBy(c::readByte).isInstanceOf(Connection.ReadCapExceededException.class);
    }
  }

  @Test
  void anEndlessPeer_readByteByByte_endsAtTheReadCap() {
    try (HostilePeer endless = HostilePeer.start(HostilePeer.Behaviour.ENDLESS)) {
      assertTimeoutPreemptively(
          BOUND,
          () -> {
            try (Connection c =
                Connection.open(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), endless.port()),
                    false,
                    Limits.DEFAULT.withReadCap(100_000))) {
              assertThatThrownBy(() -> c.readLine(Integer.MAX_VALUE))
                  .isInstanceOf(Connection.ReadCapExceededException.class);
              assertThat(c.bytesRead()).isEqualTo(100_000);
            }
          });
    }
  }
}
