package dev.moat.scan.check.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moat.scan.check.CheckContext;
import dev.moat.scan.check.Http;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP helpers for product checks. Every request goes through {@link Http} (GET/HEAD only, the
 * scan's limits). Parsing failures and I/O errors on one path become an empty result, so a check
 * can try several paths and decide from what it got.
 */
public final class Web {
  /** Made on the first JSON body: a scan of ports that send none never sets up data binding. */
  private static final class Mapper {
    static final ObjectMapper JSON = new ObjectMapper();
  }

  private Web() {}

  /** {@code GET path}, or empty when the port refuses, resets or does not speak HTTP. */
  public static Optional<Http.Response> get(CheckContext ctx, String path) {
    return get(ctx, path, Map.of());
  }

  /** {@code GET path} with request headers, or empty on an I/O error. */
  public static Optional<Http.Response> get(
      CheckContext ctx, String path, Map<String, String> headers) {
    try {
      return Optional.of(Http.get(ctx, path, headers));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** {@code HEAD path}, or empty on an I/O error. */
  public static Optional<Http.Response> head(CheckContext ctx, String path) {
    try {
      return Optional.of(Http.head(ctx, path));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A read-only POST RPC (see {@link Http#postReadOnlyRpc}), or empty on an I/O error. */
  public static Optional<Http.Response> readRpc(CheckContext ctx, String path, String json) {
    try {
      return Optional.of(Http.postReadOnlyRpc(ctx, path, json));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * A key, path or file name fit for evidence: runs of six or more digits (phone, ID and card
   * numbers inside names) keep their first three and last two digits; the rest become {@code *}.
   * Long names are clipped.
   */
  public static String redactName(String name) {
    java.util.regex.Matcher m = DIGITS.matcher(name);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String d = m.group();
      m.appendReplacement(
          sb, d.substring(0, 3) + "*".repeat(d.length() - 5) + d.substring(d.length() - 2));
    }
    m.appendTail(sb);
    return clip(sb.toString(), 120);
  }

  private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d{6,}");

  /** The body as JSON when the response is 200 and parses, else empty. */
  public static Optional<JsonNode> json(Optional<Http.Response> r) {
    return r.filter(x -> x.status() == 200).flatMap(x -> parse(x.text()));
  }

  /** {@code text} parsed as a JSON object or array, or empty. */
  public static Optional<JsonNode> parse(String text) {
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i == text.length() || (text.charAt(i) != '{' && text.charAt(i) != '[')) {
      return Optional.empty(); // HTML, text, a bare value: no JSON document to read
    }
    try {
      JsonNode n = Mapper.JSON.readTree(text);
      return n == null || n.isMissingNode() ? Optional.empty() : Optional.of(n);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** The lower-cased {@code Content-Type}, or "". */
  public static String contentType(Http.Response r) {
    return r.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
  }

  /** True when the body looks like an HTML page (a login form, an error page, an SPA shell). */
  public static boolean html(Http.Response r) {
    String t = r.text();
    String head = t.substring(0, Math.min(t.length(), 2048)).toLowerCase(Locale.ROOT);
    return head.contains("<html") || head.contains("<body") || head.contains("<!doctype html");
  }

  /** {@code s} cut to {@code max} characters with an ellipsis, for evidence lines. */
  public static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
