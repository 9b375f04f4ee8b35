package dev.moat.scan.check.mqtt;

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
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MQTT brokers that accept anonymous clients. Recognised by a CONNACK ({@code 20 02 …}) to an MQTT
 * 3.1.1 CONNECT. Verified by the CONNACK return code (0 accepted; 4 bad credentials and 5 not
 * authorised mean locked) and then a SUBSCRIBE to {@code $SYS/broker/version} only: its SUBACK
 * shows whether topics can be read, and the retained reply gives the broker version (a PINGREQ sent
 * behind the SUBSCRIBE marks the end of what the broker sends for it). Mosquitto 2 with no {@code
 * listener} line allows anonymous clients even with {@code allow_anonymous false}; this check
 * reports what the broker does, whatever its file says.
 *
 * <p>Read-only: never publishes, never subscribes to {@code #} (that would read live data).
 */
public final class MqttCheck implements Check {
  static final String SERVICE = "mqtt";
  static final String VERSION_TOPIC = "$SYS/broker/version";
  private static final byte[] CONNECT = connect();
  private static final byte[] PINGREQ = {(byte) 0xc0, 0};

  @Override
  public String id() {
    return SERVICE;
  }

  @Override
  public Set<String> services() {
    return Set.of(SERVICE);
  }

  @Override
  public Set<Integer> defaultPorts() {
    return Set.of(1883);
  }

  @Override
  public List<Probe> probes() {
    return List.of(Probe.send("mqtt-connect", CONNECT, 50, MqttCheck::recognise));
  }

  static Recognition recognise(byte[] d, int length, boolean closed) {
    if (length == 0) {
      return Recognition.MORE;
    }
    if ((d[0] & 0xff) != 0x20) {
      return Recognition.NO;
    }
    if (length < 4) {
      return closed ? Recognition.NO : Recognition.MORE;
    }
    return d[1] == 2 && (d[3] & 0xff) <= 5
        ? Recognition.match(Identity.of(SERVICE))
        : Recognition.NO;
  }

  private static byte[] connect() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    string(body, "MQTT");
    body.write(4); // protocol level 3.1.1
    body.write(0x02); // clean session, no user name, no password
    body.write(0);
    body.write(30); // keep-alive 30 s
    string(body, "moat-scan");
    return packet(0x10, body.toByteArray());
  }

  private static byte[] subscribe() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(0);
    body.write(1); // packet id 1
    string(body, VERSION_TOPIC);
    body.write(0); // QoS 0
    return packet(0x82, body.toByteArray());
  }

  private static void string(ByteArrayOutputStream out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.write(b.length >> 8);
    out.write(b.length);
    out.writeBytes(b);
  }

  private static byte[] packet(int type, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(type);
    int len = body.length;
    do {
      int digit = len % 128;
      len /= 128;
      out.write(len > 0 ? digit | 0x80 : digit);
    } while (len > 0);
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** One MQTT control packet. */
  @SuppressWarnings("ArrayRecordComponent") // internal, never shared
  private record Packet(int type, byte[] body) {}

  private static Packet read(Connection c) throws IOException {
    int type = c.readByte();
    int len = 0;
    int shift = 0;
    for (int i = 0; i < 4; i++) {
      int b = c.readByte();
      len |= (b & 0x7f) << shift;
      shift += 7;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    if (len > c.limits().readCap()) {
      throw new IOException("MQTT packet of " + len + " bytes exceeds the read cap");
    }
    return new Packet(type, c.readExactly(len));
  }

  @Override
  public CheckResult run(CheckContext ctx) throws IOException {
    Identity id = Identity.of(SERVICE);
    try (Connection c = ctx.connect()) {
      c.write(CONNECT);
      Packet connack = read(c);
      if ((connack.type() & 0xf0) != 0x20 || connack.body().length < 2) {
        return CheckResult.notApplicable();
      }
      int rc = connack.body()[1] & 0xff;
      if (rc == 4 || rc == 5) {
        return CheckResult.locked(id);
      }
      if (rc != 0) {
        return CheckResult.undetermined(id);
      }
      // PINGREQ right behind the SUBSCRIBE: the broker sends the retained version message (if
      // any) while handling the SUBSCRIBE, so PINGRESP arriving first means there is none, and
      // the read ends there instead of waiting out the read timeout
      c.write(concat(subscribe(), PINGREQ));
      boolean granted = false;
      String version = null;
      for (int i = 0; i < 8 && (version == null); i++) {
        Packet p;
        try {
          p = read(c);
        } catch (SocketTimeoutException e) {
          break; // no retained version message and no PINGRESP: fine
        }
        int type = p.type() & 0xf0;
        if (type == 0xd0) {
          break; // PINGRESP: nothing retained came before it
        }
        if (type == 0x90 && p.body().length >= 3) {
          granted = (p.body()[2] & 0xff) != 0x80;
          if (!granted) {
            break;
          }
        } else if (type == 0x30) {
          version = publishedText(p.body());
        }
      }
      c.write(new byte[] {(byte) 0xe0, 0}); // DISCONNECT
      if (version != null && version.startsWith("mosquitto version ")) {
        id = Identity.of(SERVICE, "Mosquitto", version.substring("mosquitto version ".length()));
      } else if (version != null) {
        id = Identity.of(SERVICE, version, null);
      }
      List<String> evidence = new ArrayList<>();
      evidence.add("CONNECT without user name or password: CONNACK return code 0");
      evidence.add("SUBSCRIBE " + VERSION_TOPIC + ": " + (granted ? "granted" : "refused"));
      if (version != null) {
        evidence.add(VERSION_TOPIC + ": " + version);
      }
      Finding f =
          ctx.finding(this, "mqtt.anonymous")
              .severity(granted ? Severity.HIGH : Severity.MEDIUM)
              .detailArgs(ctx.host(), String.valueOf(ctx.port()), granted ? 1 : 0)
              .evidence(evidence)
              .build();
      return CheckResult.open(id, Auth.NONE, List.of(f));
    }
  }

  private static String publishedText(byte[] body) {
    if (body.length < 2) {
      return "";
    }
    int topicLen = (body[0] & 0xff) << 8 | (body[1] & 0xff);
    int start = 2 + topicLen; // QoS 0: no packet id
    if (start > body.length) {
      return "";
    }
    String text = new String(body, start, body.length - start, StandardCharsets.UTF_8);
    return text.length() > 200 ? text.substring(0, 200) : text;
  }
}
