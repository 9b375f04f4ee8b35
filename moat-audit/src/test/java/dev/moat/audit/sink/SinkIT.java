package dev.moat.audit.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.audit.AuditLog;
import dev.moat.audit.AuditOptions;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sinks against real receivers on loopback: a syslog UDP and TCP receiver started by the test, and
 * the machine's NATS server with JetStream (127.0.0.1:4222), on a stream of the test's own.
 */
final class SinkIT {
  @TempDir Path dir;

  private void log(int n) throws IOException {
    try (AuditLog log = AuditLog.open(dir, AuditOptions.defaults().withOrigin("sink.test/log"))) {
      for (int i = 0; i < n; i++) {
        log.appendAsync("{\"type\":\"authn.login\",\"user\":\"u" + i + "\"}");
      }
    }
  }

  @Test
  void syslogUdp_forward_sendsRfc5424Messages() throws Exception {
    log(5);
    try (DatagramSocket rx = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      rx.setSoTimeout(10_000);
      try (SyslogSink sink = SyslogSink.of("udp://127.0.0.1:" + rx.getLocalPort(), "host1")) {
        assertThat(AuditSinks.forward(dir, sink, 2)).isEqualTo(5);
      }
      List<String> got = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
        rx.receive(p);
        got.add(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
      }
      assertThat(got.get(0))
          .matches(
              "<110>1 \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z host1 moat - authn.login \\[moat@32473"
                  + " origin=\"sink.test/log\" index=\"0\"] \uFEFF\\{\"type\":\"authn.login\",\"user\":\"u0\"}");
      assertThat(got).anyMatch(s -> s.contains("index=\"4\""));
    }
  }

  @Test
  void syslogTcp_forwardTwice_resumesFromCursor() throws Exception {
    log(3);
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      List<String> got = Collections.synchronizedList(new ArrayList<>());
      Thread rx =
          new Thread(
              () -> {
                try (Socket s = server.accept();
                    DataInputStream in = new DataInputStream(s.getInputStream())) {
                  while (true) {
                    StringBuilder len = new StringBuilder();
                    for (int c = in.read(); c != ' '; c = in.read()) {
                      if (c < 0) {
                        return;
                      }
                      len.append((char) c);
                    }
                    byte[] msg = new byte[Integer.parseInt(len.toString())];
                    in.readFully(msg);
                    got.add(new String(msg, StandardCharsets.UTF_8));
                  }
                } catch (IOException e) {
                  // connection closed
                }
              });
      rx.start();
      try (SyslogSink sink = SyslogSink.of("tcp://127.0.0.1:" + server.getLocalPort(), "h")) {
        assertThat(AuditSinks.forward(dir, sink, 100)).isEqualTo(3);
        try (AuditLog log = AuditLog.open(dir, AuditOptions.defaults())) {
          log.append("{\"type\":\"authn.logout\",\"user\":\"u9\"}");
        }
        assertThat(AuditSinks.forward(dir, sink, 100)).isEqualTo(1);
      }
      dev.moat.testing.Poll.until(
          java.time.Duration.ofSeconds(10), "4 messages", () -> got.size() >= 4);
      assertThat(got.get(3)).contains("authn.logout").contains("index=\"3\"");
      assertThat(
              AuditSinks.readCursor(
                  dir.resolve("sinks")
                      .resolve("syslog-tcp-127.0.0.1-" + server.getLocalPort() + ".cursor")))
          .isEqualTo(4);
    }
  }

  @Test
  void natsJetStream_forward_publishesEveryEntryOnceWithMsgIds() throws Exception {
    log(20);
    String id = UUID.randomUUID().toString().replace("-", "");
    String stream = "MOAT_AUDIT_TEST_" + id;
    String subject = "moat.audit.test." + id;
    try (Connection nc = Nats.connect("nats://127.0.0.1:4222")) {
      JetStreamManagement jsm = nc.jetStreamManagement();
      jsm.addStream(
          StreamConfiguration.builder()
              .name(stream)
              .subjects(subject)
              .storageType(StorageType.Memory)
              .build());
      try {
        try (NatsSink sink = NatsSink.connect("nats://127.0.0.1:4222", subject)) {
          assertThat(AuditSinks.forward(dir, sink, 8)).isEqualTo(20);
          // A lost cursor resends everything; JetStream's duplicate detection keeps one copy.
          java.nio.file.Files.delete(dir.resolve("sinks").resolve(sink.name() + ".cursor"));
          assertThat(AuditSinks.forward(dir, sink, 8)).isEqualTo(20);
        }
        assertThat(jsm.getStreamInfo(stream).getStreamState().getMsgCount()).isEqualTo(20);
        MessageInfo first = jsm.getMessage(stream, 1);
        assertThat(new String(first.getData(), StandardCharsets.UTF_8)).contains("\"user\":\"u0\"");
        assertThat(first.getHeaders().getFirst("Nats-Msg-Id")).isEqualTo("sink.test/log/0");
      } finally {
        jsm.deleteStream(stream);
      }
    }
  }
}
