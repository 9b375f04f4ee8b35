package dev.moat.scan.check.mongodb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Just enough BSON for commands and their replies. Encodes maps of strings, numbers, booleans,
 * nested maps and lists; decodes every common type (binary, dates, ids and decimals become short
 * strings or numbers). Sizes are checked against the buffer before reading, so a malformed reply is
 * an exception, never an allocation.
 */
final class Bson {
  private static final int MAX_DEPTH = 32;

  private Bson() {}

  static byte[] encode(Map<String, ?> doc) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, ?> e : doc.entrySet()) {
      element(body, e.getKey(), e.getValue());
    }
    body.write(0);
    byte[] b = body.toByteArray();
    return ByteBuffer.allocate(4 + b.length)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putInt(4 + b.length)
        .put(b)
        .array();
  }

  private static void element(ByteArrayOutputStream out, String key, Object v) {
    int type;
    byte[] payload;
    if (v instanceof String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      type = 2;
      payload =
          ByteBuffer.allocate(5 + b.length)
              .order(ByteOrder.LITTLE_ENDIAN)
              .putInt(b.length + 1)
              .put(b)
              .put((byte) 0)
              .array();
    } else if (v instanceof Integer i) {
      type = 16;
      payload = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(i).array();
    } else if (v instanceof Long l) {
      type = 18;
      payload = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(l).array();
    } else if (v instanceof Double d) {
      type = 1;
      payload = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(d).array();
    } else if (v instanceof Boolean b) {
      type = 8;
      payload = new byte[] {(byte) (b ? 1 : 0)};
    } else if (v instanceof Map<?, ?> m) {
      type = 3;
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, val) -> copy.put(String.valueOf(k), val));
      payload = encode(copy);
    } else if (v instanceof List<?> list) {
      type = 4;
      Map<String, Object> arr = new LinkedHashMap<>();
      for (int i = 0; i < list.size(); i++) {
        arr.put(String.valueOf(i), list.get(i));
      }
      payload = encode(arr);
    } else {
      throw new IllegalArgumentException("unsupported BSON value: " + v.getClass());
    }
    out.write(type);
    out.writeBytes(key.getBytes(StandardCharsets.UTF_8));
    out.write(0);
    out.writeBytes(payload);
  }

  static Map<String, Object> decode(ByteBuffer buf) throws IOException {
    return document(buf.order(ByteOrder.LITTLE_ENDIAN), 0);
  }

  private static Map<String, Object> document(ByteBuffer buf, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("BSON nested too deep");
    }
    int start = buf.position();
    int len = buf.getInt();
    if (len < 5 || start + len > buf.limit()) {
      throw new IOException("bad BSON document length " + len);
    }
    int end = start + len;
    Map<String, Object> doc = new LinkedHashMap<>();
    while (buf.position() < end - 1) {
      int type = buf.get() & 0xff;
      String key = cstring(buf, end);
      doc.put(key, value(buf, type, end, depth));
    }
    buf.position(end);
    return doc;
  }

  private static Object value(ByteBuffer buf, int type, int end, int depth) throws IOException {
    return switch (type) {
      case 1 -> buf.getDouble();
      case 2, 13, 14 -> string(buf, end);
      case 3 -> document(buf, depth + 1);
      case 4 -> new ArrayList<>(document(buf, depth + 1).values());
      case 5 -> {
        int n = buf.getInt();
        skip(buf, n + 1, end);
        yield "(binary " + n + " bytes)";
      }
      case 6, 10, 127, 255 -> "";
      case 7 -> {
        byte[] id = new byte[12];
        check(buf, 12, end);
        buf.get(id);
        yield HexFormat.of().formatHex(id);
      }
      case 8 -> buf.get() != 0;
      case 9, 17, 18 -> buf.getLong();
      case 11 -> cstring(buf, end) + "/" + cstring(buf, end);
      case 16 -> buf.getInt();
      case 19 -> {
        skip(buf, 16, end);
        yield "(decimal)";
      }
      default -> throw new IOException("unsupported BSON type " + type);
    };
  }

  private static String string(ByteBuffer buf, int end) throws IOException {
    int n = buf.getInt();
    check(buf, n, end);
    if (n < 1) {
      throw new IOException("bad BSON string length");
    }
    byte[] b = new byte[n - 1];
    buf.get(b);
    buf.get();
    return new String(b, StandardCharsets.UTF_8);
  }

  private static String cstring(ByteBuffer buf, int end) throws IOException {
    int from = buf.position();
    int i = from;
    while (i < end && buf.get(i) != 0) {
      i++;
    }
    if (i >= end) {
      throw new IOException("unterminated BSON key");
    }
    byte[] b = new byte[i - from];
    buf.get(b);
    buf.get();
    return new String(b, StandardCharsets.UTF_8);
  }

  private static void skip(ByteBuffer buf, int n, int end) throws IOException {
    check(buf, n, end);
    buf.position(buf.position() + n);
  }

  private static void check(ByteBuffer buf, int n, int end) throws IOException {
    if (n < 0 || buf.position() + n > end) {
      throw new IOException("BSON value overruns its document");
    }
  }

  /** {@code o} as a list, or an empty list. */
  static List<Object> list(@Nullable Object o) {
    return o instanceof List<?> l ? new ArrayList<>(l) : List.of();
  }
}
