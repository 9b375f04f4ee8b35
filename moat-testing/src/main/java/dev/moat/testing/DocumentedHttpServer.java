package dev.moat.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP server on a free loopback port that answers with a product's <em>documented</em>
 * responses, for products with no Debian package (Docker Engine, Kubernetes, CouchDB, Spring Boot
 * Actuator, Nacos, Druid, Tomcat Manager …). Each test that uses it says whose documentation the
 * responses come from.
 *
 * <p>Routes match {@code METHOD path?query} exactly first, then {@code METHOD path}; anything else
 * gets the fallback (404 by default, or e.g. a 200 SPA page to test catch-all hosts). Basic auth
 * can guard path prefixes. Every request line is recorded, so a test can assert that a check only
 * read ({@code GET}/{@code HEAD}).
 */
public final class DocumentedHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  /** One canned response. */
  public record Response(int status, Map<String, String> headers, String body) {
    public Response {
      headers = Map.copyOf(headers);
    }

    /** A response with one {@code Content-Type}. */
    public static Response of(int status, String contentType, String body) {
      return new Response(status, Map.of("Content-Type", contentType), body);
    }

    /** 200 with {@code application/json}. */
    public static Response json(String body) {
      return of(200, "application/json", body);
    }

    /** A copy with one more header. */
    public Response with(String name, String value) {
      Map<String, String> h = new HashMap<>(headers);
      h.put(name, value);
      return new Response(status, h, body);
    }
  }

  private record Guard(String prefix, String realm, Set<String> credentials) {}

  private DocumentedHttpServer(
      Map<String, Response> routes, Response fallback, List<Guard> guards) {
    try {
      server = HttpServer.create(new InetSocketAddress(Ports.loopback(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    executor = Executors.newFixedThreadPool(2);
    server.setExecutor(executor);
    server.createContext(
        "/",
        ex -> {
          try (ex) {
            handle(ex, routes, fallback, guards);
          }
        });
    server.start();
  }

  private void handle(
      HttpExchange ex, Map<String, Response> routes, Response fallback, List<Guard> guards)
      throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    String query = ex.getRequestURI().getRawQuery();
    String target = query == null ? path : path + "?" + query;
    requests.add(method + " " + target);
    ex.getRequestBody().readAllBytes();
    for (Guard g : guards) {
      if (path.startsWith(g.prefix()) && !authorized(ex, g)) {
        send(
            ex,
            method,
            Response.of(
                    401, "text/html;charset=utf-8", "<html><body>401 Unauthorized</body></html>")
                .with("WWW-Authenticate", "Basic realm=\"" + g.realm() + "\""));
        return;
      }
    }
    String agent = ex.getRequestHeaders().getFirst("User-Agent");
    Response r = agent == null ? null : routes.get("UA " + agent + " " + method + " " + path);
    if (r == null) {
      r = routes.get(method + " " + target);
    }
    if (r == null) {
      r = routes.get(method + " " + path);
    }
    if (r == null && "HEAD".equals(method)) {
      r = routes.getOrDefault("GET " + target, routes.get("GET " + path));
    }
    send(ex, method, r != null ? r : fallback);
  }

  private static boolean authorized(HttpExchange ex, Guard g) {
    String h = ex.getRequestHeaders().getFirst("Authorization");
    if (h == null || !h.startsWith("Basic ")) {
      return false;
    }
    String decoded =
        new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
    return g.credentials().contains(decoded);
  }

  private static void send(HttpExchange ex, String method, Response r) throws IOException {
    r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
    boolean noBody = "HEAD".equals(method) || r.status() == 204 || r.status() == 304;
    if (noBody) {
      ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
    }
    ex.sendResponseHeaders(r.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Starts building a server. */
  public static Builder builder() {
    return new Builder();
  }

  /** The loopback port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Always {@code 127.0.0.1}. */
  public String host() {
    return Ports.LOOPBACK;
  }

  /** {@code http://127.0.0.1:port}. */
  public String baseUrl() {
    return "http://" + Ports.LOOPBACK + ":" + port();
  }

  /** Every request received so far, as {@code METHOD path?query}. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** The distinct methods received so far. */
  public Set<String> methods() {
    Set<String> m = new java.util.TreeSet<>();
    for (String r : requests) {
      m.add(r.substring(0, r.indexOf(' ')));
    }
    return m;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Collects routes, guards and the fallback. */
  public static final class Builder {
    private final Map<String, Response> routes = new LinkedHashMap<>();
    private final List<Guard> guards = new ArrayList<>();
    private Response fallback = Response.of(404, "text/plain", "404 page not found");

    private Builder() {}

    /** {@code GET pathAndQuery} answers {@code r} (HEAD too, without the body). */
    public Builder get(String pathAndQuery, Response r) {
      return route("GET", pathAndQuery, r);
    }

    /** {@code method pathAndQuery} answers {@code r}. */
    public Builder route(String method, String pathAndQuery, Response r) {
      routes.put(method + " " + pathAndQuery, r);
      return this;
    }

    /** {@code GET path} answers {@code r} only to requests with this exact {@code User-Agent}. */
    public Builder userAgentRoute(String userAgent, String path, Response r) {
      routes.put("UA " + userAgent + " GET " + path, r);
      return this;
    }

    /** The answer for anything not routed. */
    public Builder fallback(Response r) {
      this.fallback = r;
      return this;
    }

    /** Paths under {@code prefix} need Basic auth with one of {@code userColonPassword}. */
    public Builder basicAuth(String prefix, String realm, String... userColonPassword) {
      guards.add(new Guard(prefix, realm, Set.of(userColonPassword)));
      return this;
    }

    /** Starts the server. */
    public DocumentedHttpServer start() {
      return new DocumentedHttpServer(routes, fallback, guards);
    }
  }
}
