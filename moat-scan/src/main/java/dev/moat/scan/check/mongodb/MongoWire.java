package dev.moat.scan.check.mongodb;

import dev.moat.scan.check.Connection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/** OP_MSG framing (opcode 2013) for one command and its reply; reads OP_REPLY (1) too. */
final class MongoWire {
  static final int OP_MSG = 2013;
  static final int OP_REPLY = 1;
  private static final int MAX_MESSAGE = 16 * 1024 * 1024;

  private MongoWire() {}

  static byte[] opMsg(int requestId, Map<String, ?> command) {
    byte[] doc = Bson.encode(command);
    int len = 16 + 4 + 1 + doc.length;
    return ByteBuffer.allocate(len)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putInt(len)
        .putInt(requestId)
        .putInt(0)
        .putInt(OP_MSG)
        .putInt(0) // flagBits
        .put((byte) 0) // section kind 0: body
        .put(doc)
        .array();
  }

  static Map<String, Object> command(Connection c, int requestId, Map<String, ?> command)
      throws IOException {
    c.write(opMsg(requestId, command));
    ByteBuffer h = ByteBuffer.wrap(c.readExactly(16)).order(ByteOrder.LITTLE_ENDIAN);
    int len = h.getInt();
    h.getInt();
    int responseTo = h.getInt();
    int opCode = h.getInt();
    if (len < 21 || len > Math.min(MAX_MESSAGE, c.limits().readCap()) || responseTo != requestId) {
      throw new IOException("not a MongoDB reply (length " + len + ")");
    }
    ByteBuffer body = ByteBuffer.wrap(c.readExactly(len - 16)).order(ByteOrder.LITTLE_ENDIAN);
    if (opCode == OP_MSG) {
      body.getInt(); // flagBits
      if (body.get() != 0) {
        throw new IOException("OP_MSG reply without a body section");
      }
      return Bson.decode(body);
    }
    if (opCode == OP_REPLY) {
      body.position(4 + 8 + 4 + 4);
      return Bson.decode(body);
    }
    throw new IOException("unexpected MongoDB opcode " + opCode);
  }
}
