package dev.moat.scan.fingerprint;

import dev.moat.scan.check.Identity;
import dev.moat.scan.check.Recognition;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Recognises an HTTP/1.x response; the {@code Server} header becomes the product. */
final class HttpRecogniser {
  private static final byte[] PREFIX = "HTTP/1.".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER_LIMIT = 16 * 1024;

  private HttpRecogniser() {}

  static Recognition recognise(byte[] data, int length, boolean closed, String service) {
    int n = Math.min(length, PREFIX.length);
    for (int i = 0; i < n; i++) {
      if (data[i] != PREFIX[i]) {
        return Recognition.NO;
      }
    }
    if (length < PREFIX.length) {
      return closed ? Recognition.NO : Recognition.MORE;
    }
    String head = new String(data, 0, Math.min(length, HEADER_LIMIT), StandardCharsets.ISO_8859_1);
    int end = head.indexOf("\r\n\r\n");
    if (end < 0 && !closed && length < HEADER_LIMIT) {
      return Recognition.MORE;
    }
    String product = null;
    for (String line : (end < 0 ? head : head.substring(0, end)).split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("server:")) {
        product = line.substring(7).trim();
      }
    }
    if (product == null || product.isEmpty()) {
      return Recognition.match(Identity.of(service));
    }
    int slash = product.indexOf('/');
    if (slash > 0) {
      String version = product.substring(slash + 1).split("[ (]", 2)[0];
      return Recognition.match(
          Identity.of(service, product.substring(0, slash), version.isEmpty() ? null : version));
    }
    return Recognition.match(Identity.of(service, product, null));
  }
}
