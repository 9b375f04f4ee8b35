package dev.moat.scan.check.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.moat.core.Auth;
import dev.moat.core.Severity;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.scan.check.Connection;
import dev.moat.scan.check.Limits;
import dev.moat.testing.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Open: de.bwaldvogel mongo-java-server, a real implementation of MongoDB's wire protocol. Locked:
 * a test server (one thread per connection, like mongod) that speaks OP_MSG and answers like an
 * auth-enabled mongod — hello and buildInfo succeed, everything else fails with MongoDB's
 * documented reply (code 13, Unauthorized, "command listDatabases requires authentication").
 */
final class MongoCheckIT {
  private static MongoServer open;
  private static int openPort;
  private static ServerSocket locked;

  @BeforeAll
  static void start() throws IOException {
    open = new MongoServer(new MemoryBackend());
    openPort = Ports.free();
    open.bind(Ports.LOOPBACK, openPort);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("xingming", "张三");
    doc.put("sfzh", "11010519491231002X");
    doc.put("shouji", "13812345678");
    Map<String, Object> insert = new LinkedHashMap<>();
    insert.put("insert", "kehu");
    insert.put("documents", List.of(doc));
    insert.put("$db", "crm");
    try (Connection c =
        Connection.open(new InetSocketAddress(Ports.loopback(), openPort), false, Limits.DEFAULT)) {
      assertThat(MongoCheck.ok(MongoWire.command(c, 7, insert))).isTrue();
    }
    locked = new ServerSocket(0, 50, Ports.loopback());
    Thread t = new Thread(MongoCheckIT::serveLocked, "locked-mongod");
    t.setDaemon(true);
    t.start();
  }

  @AfterAll
  static void stop() throws IOException {
    open.shutdownNow();
    locked.close();
  }

  @Test
  void mongoJavaServer_withoutAuth_isOpenAndShowsExposure() {
    PortResult r = ScanTesting.inspect(openPort);

    assertThat(r.service().service()).isEqualTo("mongodb");
    assertThat(r.service().auth()).isEqualTo(Auth.NONE);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("mongodb.no-auth");
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.exposure()).containsKey("CN_RESIDENT_ID");
              assertThat(String.join("\n", f.evidence()))
                  .contains("database crm")
                  .doesNotContain("11010519491231002X");
            });
  }

  @Test
  void authEnabledMongod_isLockedWithNoFinding() {
    PortResult r = ScanTesting.inspect(locked.getLocalPort());

    assertThat(r.service().service()).isEqualTo("mongodb");
    assertThat(r.service().version()).isEqualTo("7.0.14");
    assertThat(r.service().auth()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }

  private static void serveLocked() {
    while (!locked.isClosed()) {
      try {
        Socket s = locked.accept();
        Thread t = new Thread(() -> serveLocked(s), "locked-mongod-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        // the socket was closed: stop
      }
    }
  }

  /** One connection, served on its own thread as mongod does (the scanner probes concurrently). */
  private static void serveLocked(Socket socket) {
    try (Socket s = socket) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      while (true) {
        byte[] h = in.readNBytes(16);
        if (h.length < 16) {
          break;
        }
        ByteBuffer hb = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
        int len = hb.getInt();
        int requestId = hb.getInt();
        hb.getInt();
        if (len < 21 || len > 48_000_000 || hb.getInt() != MongoWire.OP_MSG) {
          break; // like mongod: an invalid message header ends the connection
        }
        ByteBuffer body = ByteBuffer.wrap(in.readNBytes(len - 16)).order(ByteOrder.LITTLE_ENDIAN);
        body.getInt();
        body.get();
        String command = Bson.decode(body).keySet().iterator().next();
        Map<String, Object> reply = new LinkedHashMap<>();
        switch (command) {
          case "hello", "isMaster", "ismaster" -> {
            reply.put("isWritablePrimary", true);
            reply.put("maxWireVersion", 21);
            reply.put("ok", 1.0);
          }
          case "buildInfo", "buildinfo" -> {
            reply.put("version", "7.0.14");
            reply.put("ok", 1.0);
          }
          default -> {
            reply.put("ok", 0.0);
            reply.put("errmsg", "command " + command + " requires authentication");
            reply.put("code", 13);
            reply.put("codeName", "Unauthorized");
          }
        }
        byte[] msg = MongoWire.opMsg(0, reply);
        ByteBuffer.wrap(msg).order(ByteOrder.LITTLE_ENDIAN).putInt(8, requestId);
        out.write(msg);
        out.flush();
      }
    } catch (IOException e) {
      // connection ended
    }
  }
}
