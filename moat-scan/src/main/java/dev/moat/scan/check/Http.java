package dev.moat.scan.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A minimal HTTP/1.1 client for checks: GET and HEAD only (a scanner has no business sending
 * anything else), one request per connection, over a {@link Connection} so the scan's limits hold.
 * Reads {@code Content-Length}, chunked and read-to-close bodies, truncated at {@link #MAX_BODY}.
 */
public final class Http {
  /** The most body bytes kept from one response. */
  public static final int MAX_BODY = 256 * 1024;

  private static final int MAX_HEADER_LINE = 16 * 1024;
  private static final int MAX_HEADERS = 200;

  private Http() {}

  /** A parsed response; header names are lower-case. */
  @SuppressWarnings("ArrayRecordComponent") // cloned in and out
  public record Response(int status, Map<String, List<String>> headers, byte[] body) {
    public Response {
      Objects.requireNonNull(headers, "headers");
      Objects.requireNonNull(body, "body");
      headers = Map.copyOf(headers);
      body = body.clone();
    }

    /** The first value of header {@code name} (any case). */
    public Optional<String> header(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The body decoded as UTF-8. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
      return body.clone();
    }
  }

  /** {@code GET path} on the check's port (TLS if the port speaks it). */
  public static Response get(CheckContext ctx, String path) throws IOException {
    return get(ctx, path, Map.of());
  }

  /**
   * {@code GET path} with extra request headers. Without headers, the checks of one port share the
   * request when the scan gave them {@link SharedGets}: the first sends it, the others get its
   * answer.
   */
  public static Response get(CheckContext ctx, String path, Map<String, String> headers)
      throws IOException {
    SharedGets shared = ctx.sharedGets();
    if (shared != null && headers.isEmpty()) {
      return shared.get(path, () -> fetch(ctx, path, headers));
    }
    return fetch(ctx, path, headers);
  }

  private static Response fetch(CheckContext ctx, String path, Map<String, String> headers)
      throws IOException {
    try (Connection c = ctx.connect()) {
      return exchange(c, "GET", ctx.host(), ctx.port(), path, headers);
    }
  }

  /** {@code HEAD path}: status and headers only, never a body (e.g. for a heap dump). */
  public static Response head(CheckContext ctx, String path) throws IOException {
    try (Connection c = ctx.connect()) {
      return exchange(c, "HEAD", ctx.host(), ctx.port(), path, Map.of());
    }
  }

  /**
   * {@code POST path} with a JSON body, for the one kind of endpoint that needs it: a <em>read</em>
   * RPC that its product exposes only as POST (etcd's v3 JSON gateway {@code /v3/kv/range}). Never
   * use it for anything that writes; the caller's Javadoc must name the read-only RPC it calls.
   */
  public static Response postReadOnlyRpc(CheckContext ctx, String path, String json)
      throws IOException {
    try (Connection c = ctx.connect()) {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      StringBuilder req = new StringBuilder();
      req.append("POST ").append(path).append(" HTTP/1.1\r\n");
      appendCommonHeaders(req, ctx.host(), ctx.port(), Map.of());
      req.append("Content-Type: application/json\r\nContent-Length: ")
          .append(body.length)
          .append("\r\n\r\n");
      c.write(req.toString());
      c.write(body);
      return read(c, false);
    }
  }

  /** The value of an {@code Authorization: Basic} header for {@code user:password}. */
  public static String basic(String user, String password) {
    String raw = user + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends one GET or HEAD on {@code c} and reads the response.
   *
   * @throws IllegalArgumentException for any other method
   */
  public static Response exchange(
      Connection c, String method, String host, int port, String path, Map<String, String> headers)
      throws IOException {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      throw new IllegalArgumentException("scanner HTTP is read-only, not " + method);
    }
    StringBuilder req = new StringBuilder();
    req.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    appendCommonHeaders(req, host, port, headers);
    req.append("\r\n");
    c.write(req.toString());
    return read(c, method.equals("HEAD"));
  }

  private static void appendCommonHeaders(
      StringBuilder req, String host, int port, Map<String, String> headers) {
    String hostHeader = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    req.append("Host: ").append(hostHeader).append(':').append(port).append("\r\n");
    if (headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("User-Agent"))) {
      req.append("User-Agent: moat-scan\r\n");
    }
    req.append("Accept: */*\r\nConnection: close\r\n");
    headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
  }

  private static Response read(Connection c, boolean head) throws IOException {
    String status = c.readLine(MAX_HEADER_LINE);
    if (!status.startsWith("HTTP/1.") || status.length() < 12) {
      throw new IOException("not an HTTP response");
    }
    int code;
    try {
      code = Integer.parseInt(status.substring(9, 12));
    } catch (NumberFormatException e) {
      throw new IOException("bad HTTP status line", e);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 0; ; i++) {
      String line = c.readLine(MAX_HEADER_LINE);
      if (line.isEmpty()) {
        break;
      }
      if (i >= MAX_HEADERS) {
        throw new IOException("more than " + MAX_HEADERS + " HTTP headers");
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(
                line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(line.substring(colon + 1).trim());
      }
    }
    if (head || code == 204 || code == 304 || (code >= 100 && code < 200)) {
      return new Response(code, headers, new byte[0]);
    }
    byte[] body;
    List<String> te = headers.getOrDefault("transfer-encoding", List.of());
    List<String> cl = headers.getOrDefault("content-length", List.of());
    if (te.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
      body = chunked(c);
    } else if (!cl.isEmpty()) {
      long len;
      try {
        len = Long.parseLong(cl.get(0));
      } catch (NumberFormatException e) {
        throw new IOException("bad Content-Length", e);
      }
      body = upTo(c, (int) Math.min(len, MAX_BODY));
    } else {
      body = upTo(c, MAX_BODY);
    }
    return new Response(code, headers, body);
  }

  private static byte[] upTo(Connection c, int n) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    while (out.size() < n) {
      int r;
      try {
        r = c.input().read(buf, 0, Math.min(buf.length, n - out.size()));
      } catch (SocketTimeoutException e) {
        break; // keep what arrived: a slow peer gives a truncated body, not a hang
      }
      if (r < 0) {
        break;
      }
      out.write(buf, 0, r);
    }
    return out.toByteArray();
  }

  private static byte[] chunked(Connection c) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (out.size() < MAX_BODY) {
      String sizeLine = c.readLine(MAX_HEADER_LINE);
      int semi = sizeLine.indexOf(';');
      String hex = (semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim();
      int size;
      try {
        size = Integer.parseInt(hex, 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size", e);
      }
      if (size < 0) {
        throw new IOException("bad chunk size");
      }
      if (size == 0) {
        break;
      }
      int keep = Math.min(size, MAX_BODY - out.size());
      out.write(c.readExactly(keep));
      if (keep < size) {
        break;
      }
      c.readLine(2);
    }
    return out.toByteArray();
  }
}
