package dev.moat.scan.check.rabbitmq;

import dev.moat.core.Auth;
import dev.moat.core.Finding;
import dev.moat.core.Severity;
import dev.moat.scan.check.Check;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.CheckResult;
import dev.moat.scan.check.Connection;
import dev.moat.scan.check.Identity;
import dev.moat.scan.check.Probe;
import dev.moat.scan.check.Recognition;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * AMQP 0-9-1 brokers with the factory account {@code guest/guest} (RabbitMQ). Recognised by the
 * Connection.Start frame that answers the protocol header; its server properties name the product
 * and version. Verified by Connection.Start-Ok with PLAIN {@code guest/guest}: Connection.Tune
 * means logged in; Connection.Close 403 ACCESS_REFUSED (or the broker closing the socket) means
 * locked. RabbitMQ lets {@code guest} in only from loopback by default ({@code loopback_users}), so
 * a scan from the broker's own host sees it open where a remote scan would not: the finding says
 * so, and a remote success means {@code loopback_users} was cleared.
 *
 * <p>Read-only: the connection is never opened on a virtual host; nothing is declared or published.
 */
public final class AmqpCheck implements Check {
  static final String SERVICE = "rabbitmq";
  static final String GENERIC = "amqp";
  private static final byte[] HEADER = {'A', 'M', 'Q', 'P', 0, 0, 9, 1};
  private static final int FRAME_END = 0xce;

  @Override
  public String id() {
    return SERVICE;
  }

  @Override
  public Set<String> services() {
    return Set.of(SERVICE, GENERIC);
  }

  @Override
  public Set<Integer> defaultPorts() {
    return Set.of(5672);
  }

  @Override
  public List<Probe> probes() {
    return List.of(Probe.send("amqp-header", HEADER, 60, AmqpCheck::recognise));
  }

  static Recognition recognise(byte[] d, int length, boolean closed) {
    if (length == 0) {
      return Recognition.MORE;
    }
    if (d[0] == 'A') {
      // The broker answers an unsupported version with its own protocol header.
      if (length < 8) {
        return closed ? Recognition.NO : Recognition.MORE;
      }
      boolean amqp = d[1] == 'M' && d[2] == 'Q' && d[3] == 'P';
      return amqp ? Recognition.match(Identity.of(GENERIC)) : Recognition.NO;
    }
    if (d[0] != 1) {
      return Recognition.NO;
    }
    if (length < 11) {
      return closed ? Recognition.NO : Recognition.MORE;
    }
    if (d[7] != 0 || d[8] != 10 || d[9] != 0 || d[10] != 10) {
      return Recognition.NO;
    }
    int size = ByteBuffer.wrap(d, 3, 4).getInt();
    if (size < 0 || size > 64 * 1024) {
      return Recognition.NO;
    }
    if (length < 7 + size && !closed) {
      return Recognition.MORE;
    }
    byte[] payload = java.util.Arrays.copyOfRange(d, 7, Math.min(length, 7 + size));
    return Recognition.match(identity(payload));
  }

  static Identity identity(byte[] startPayload) {
    String product = property(startPayload, "product");
    String version = property(startPayload, "version");
    if (product != null && product.contains("RabbitMQ")) {
      return Identity.of(SERVICE, "RabbitMQ", version);
    }
    return product == null ? Identity.of(GENERIC) : Identity.of(GENERIC, product, version);
  }

  /** A top-level long-string property of the server-properties table, found by its key. */
  static @Nullable String property(byte[] p, String key) {
    byte[] k = key.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + 1 + k.length + 5 <= p.length; i++) {
      if (p[i] != k.length) {
        continue;
      }
      for (int j = 0; j < k.length; j++) {
        if (p[i + 1 + j] != k[j]) {
          continue outer;
        }
      }
      int at = i + 1 + k.length;
      if (p[at] != 'S') {
        continue;
      }
      int len = ByteBuffer.wrap(p, at + 1, 4).getInt();
      if (len < 0 || at + 5 + len > p.length || len > 256) {
        return null;
      }
      return new String(p, at + 5, len, StandardCharsets.UTF_8);
    }
    return null;
  }

  @Override
  public CheckResult run(CheckContext ctx) throws IOException {
    try (Connection c = ctx.connect()) {
      c.write(HEADER);
      byte[] start = frame(c);
      if (start.length < 4 || start[1] != 10 || start[3] != 10) {
        return CheckResult.notApplicable();
      }
      Identity id = identity(start);
      c.write(startOk());
      byte[] reply;
      try {
        reply = frame(c);
      } catch (EOFException e) {
        return CheckResult.locked(id); // older brokers drop the connection on a bad login
      }
      boolean tune = reply.length >= 4 && reply[1] == 10 && reply[3] == 30;
      if (!tune) {
        boolean close = reply.length >= 4 && reply[1] == 10 && reply[3] == 50;
        return close ? CheckResult.locked(id) : CheckResult.undetermined(id);
      }
      boolean loopback = ctx.loopback();
      Finding f =
          ctx.finding(this, "rabbitmq.guest")
              .severity(loopback ? Severity.MEDIUM : Severity.HIGH)
              .detailArgs(
                  id.productName().orElse("AMQP broker"),
                  id.productVersion().orElse("?"),
                  ctx.host(),
                  String.valueOf(ctx.port()),
                  loopback ? 1 : 0)
              .evidence(
                  "server product: "
                      + id.productName().orElse("?")
                      + " "
                      + id.productVersion().orElse(""),
                  "AMQP PLAIN login guest/guest: Connection.Tune (accepted)")
              .build();
      return CheckResult.open(id, Auth.DEFAULT_CREDENTIALS, List.of(f));
    }
  }

  private static byte[] startOk() {
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    m.writeBytes(new byte[] {0, 10, 0, 11});
    m.writeBytes(new byte[] {0, 0, 0, 0}); // client-properties: empty table
    shortstr(m, "PLAIN");
    byte[] response = "\0guest\0guest".getBytes(StandardCharsets.US_ASCII);
    m.writeBytes(ByteBuffer.allocate(4).putInt(response.length).array());
    m.writeBytes(response);
    shortstr(m, "en_US");
    byte[] payload = m.toByteArray();
    ByteBuffer f = ByteBuffer.allocate(8 + payload.length);
    f.put((byte) 1).putShort((short) 0).putInt(payload.length).put(payload).put((byte) FRAME_END);
    return f.array();
  }

  private static void shortstr(ByteArrayOutputStream m, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    m.write(b.length);
    m.writeBytes(b);
  }

  /** Reads one method frame and returns its payload. */
  private static byte[] frame(Connection c) throws IOException {
    byte[] h = c.readExactly(7);
    if (h[0] != 1) {
      throw new IOException("not an AMQP method frame");
    }
    int size = ByteBuffer.wrap(h, 3, 4).getInt();
    if (size < 0 || size > c.limits().readCap()) {
      throw new IOException("AMQP frame of " + size + " bytes");
    }
    byte[] payload = c.readExactly(size);
    if (c.readByte() != FRAME_END) {
      throw new IOException("AMQP frame without frame-end");
    }
    return payload;
  }
}
