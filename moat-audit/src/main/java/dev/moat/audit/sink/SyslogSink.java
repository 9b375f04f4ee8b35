package dev.moat.audit.sink;

import dev.moat.audit.Entry;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Sends entries as RFC 5424 syslog messages: {@code <110>1 TIMESTAMP HOST moat - MSGID [moat@32473
 * origin="…" index="N"] BOM{json}} — facility 13 (log audit), severity 6 (informational), MSGID the
 * event type, the JSON as the UTF-8 message. Over TCP, messages are framed by octet counting (RFC
 * 6587 §3.4.1); over UDP one message per datagram.
 *
 * <p>Delivery: TCP confirms only that the bytes reached the connection (syslog has no application
 * acknowledgement); UDP confirms nothing. Use NATS JetStream where delivery must be acknowledged.
 * Not thread-safe; the forwarder uses one thread.
 */
public final class SyslogSink implements AuditSink {
  /** The IANA example enterprise number (RFC 5612), for the structured-data id. */
  private static final String SD_ID = "moat@32473";

  private static final Pattern MSGID_UNSAFE = Pattern.compile("[^!-~]");

  private final String name;
  private final boolean tcp;
  private final InetSocketAddress target;
  private final String hostname;
  private @Nullable Socket socket;
  private @Nullable OutputStream out;
  private @Nullable DatagramSocket udp;

  private SyslogSink(String name, boolean tcp, InetSocketAddress target, String hostname) {
    this.name = name;
    this.tcp = tcp;
    this.target = target;
    this.hostname = hostname;
  }

  /** A sink for {@code udp://host:port} or {@code tcp://host:port}. */
  public static SyslogSink of(String uri, String hostname) {
    Matcher m = Pattern.compile("(udp|tcp)://([^:/]+):([0-9]{1,5})").matcher(uri);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "syslog target must be udp://HOST:PORT or tcp://HOST:PORT: " + uri);
    }
    int port = Integer.parseInt(m.group(3));
    return new SyslogSink(
        "syslog-" + m.group(1) + "-" + m.group(2) + "-" + port,
        m.group(1).equals("tcp"),
        new InetSocketAddress(m.group(2), port),
        hostname.isBlank() ? "-" : hostname);
  }

  @Override
  public String name() {
    return name;
  }

  /** One RFC 5424 message for {@code e}. */
  String format(String origin, Entry e) {
    String type = AuditSinks.type(e.json());
    String msgid = type.isEmpty() ? "-" : MSGID_UNSAFE.matcher(type).replaceAll("_");
    if (msgid.length() > 32) {
      msgid = msgid.substring(0, 32);
    }
    return "<110>1 "
        + DateTimeFormatter.ISO_INSTANT.format(e.time())
        + " "
        + hostname
        + " moat - "
        + msgid
        + " ["
        + SD_ID
        + " origin=\""
        + sdEscape(origin)
        + "\" index=\""
        + e.index()
        + "\"] \uFEFF"
        + e.json();
  }

  private static String sdEscape(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("]", "\\]");
  }

  @Override
  public void send(String origin, List<Entry> entries) throws IOException {
    if (tcp) {
      OutputStream o = out;
      if (o == null) {
        Socket s = new Socket();
        s.connect(target, 5000);
        socket = s;
        o = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
        out = o;
      }
      try {
        for (Entry e : entries) {
          byte[] msg = format(origin, e).getBytes(StandardCharsets.UTF_8);
          o.write((msg.length + " ").getBytes(StandardCharsets.US_ASCII));
          o.write(msg);
        }
        o.flush();
      } catch (IOException e) {
        close();
        throw e;
      }
      return;
    }
    DatagramSocket d = udp;
    if (d == null) {
      d = new DatagramSocket();
      udp = d;
    }
    for (Entry e : entries) {
      byte[] msg = format(origin, e).getBytes(StandardCharsets.UTF_8);
      d.send(new DatagramPacket(msg, msg.length, target));
    }
  }

  @Override
  public void close() throws IOException {
    Socket s = socket;
    socket = null;
    out = null;
    if (s != null) {
      s.close();
    }
    DatagramSocket d = udp;
    udp = null;
    if (d != null) {
      d.close();
    }
  }
}
