package dev.moat.scan.check.zookeeper;

import dev.moat.scan.check.Connection;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few ZooKeeper client-protocol (Jute) frames the check needs: ConnectRequest, getChildren,
 * getData and closeSession. Every frame is length-prefixed; lengths and counts from the peer are
 * checked against small caps before anything is allocated.
 */
final class Jute {
  /** ZooKeeper's error code for an ACL refusal. */
  static final int NO_AUTH = -102;

  private static final int MAX_FRAME = 1 << 20;
  private static final int GET_DATA = 4;
  private static final int GET_CHILDREN = 8;
  private static final int CLOSE_SESSION = -11;

  private final Connection c;
  private int xid = 1;

  /** The reply to one request: an error code and, when it is 0, the body. */
  record Reply(int err, ByteBuffer body) {}

  Jute(Connection c) {
    this.c = c;
  }

  /** Opens an anonymous session; false when the server refused or closed. */
  boolean connect() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    d.writeInt(0); // protocolVersion
    d.writeLong(0); // lastZxidSeen
    d.writeInt(10_000); // timeOut
    d.writeLong(0); // sessionId
    d.writeInt(16);
    d.write(new byte[16]); // passwd
    d.writeBoolean(false); // readOnly
    send(b.toByteArray());
    ByteBuffer r = frame();
    return r.remaining() >= 16;
  }

  /** The children of {@code path}, or the error code. */
  Reply getChildren(String path) throws IOException {
    return call(GET_CHILDREN, path);
  }

  /** The data of {@code path}, or the error code. */
  Reply getData(String path) throws IOException {
    return call(GET_DATA, path);
  }

  /** Ends the session politely (the server would expire it anyway). */
  void close() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    d.writeInt(xid++);
    d.writeInt(CLOSE_SESSION);
    send(b.toByteArray());
  }

  static List<String> strings(ByteBuffer body, int max) throws IOException {
    int n = body.getInt();
    if (n < 0 || n > 100_000) {
      throw new IOException("bad child count " + n);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n && out.size() < max; i++) {
      out.add(string(body).orElse(""));
    }
    return out;
  }

  static Optional<byte[]> buffer(ByteBuffer body) throws IOException {
    int len = body.getInt();
    if (len < 0) {
      return Optional.empty();
    }
    if (len > body.remaining()) {
      throw new IOException("bad buffer length " + len);
    }
    byte[] b = new byte[len];
    body.get(b);
    return Optional.of(b);
  }

  private static Optional<String> string(ByteBuffer body) throws IOException {
    return buffer(body).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  private Reply call(int type, String path) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    int id = xid++;
    d.writeInt(id);
    d.writeInt(type);
    byte[] p = path.getBytes(StandardCharsets.UTF_8);
    d.writeInt(p.length);
    d.write(p);
    d.writeBoolean(false); // no watch
    send(b.toByteArray());
    while (true) {
      ByteBuffer r = frame();
      if (r.remaining() < 16) {
        throw new IOException("short ZooKeeper reply");
      }
      int replyXid = r.getInt();
      r.getLong(); // zxid
      int err = r.getInt();
      if (replyXid == id) {
        return new Reply(err, r.slice());
      }
      // a notification (xid -1) or ping (-2): skip it
    }
  }

  private void send(byte[] payload) throws IOException {
    ByteBuffer f = ByteBuffer.allocate(4 + payload.length);
    f.putInt(payload.length).put(payload);
    c.write(f.array());
  }

  private ByteBuffer frame() throws IOException {
    int len = ByteBuffer.wrap(c.readExactly(4)).getInt();
    if (len < 0 || len > MAX_FRAME) {
      throw new IOException("bad ZooKeeper frame length " + len);
    }
    return ByteBuffer.wrap(c.readExactly(len));
  }
}
