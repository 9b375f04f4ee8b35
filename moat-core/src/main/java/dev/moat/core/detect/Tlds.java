package dev.moat.core.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** The IANA root-zone TLD list ({@code tlds-alpha-by-domain.txt}, embedded as a resource). */
final class Tlds {
  private static final Set<String> TLDS = load();

  private Tlds() {}

  private static Set<String> load() {
    Set<String> out = new HashSet<>();
    try (InputStream in =
            Objects.requireNonNull(
                Tlds.class.getResourceAsStream("tlds-alpha-by-domain.txt"), "TLD list missing");
        BufferedReader r =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.trim().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(out);
  }

  /** True when {@code s} (any case) is a delegated TLD. */
  static boolean contains(String s) {
    return TLDS.contains(s.toLowerCase(Locale.ROOT));
  }

  static boolean contains(Scan sc, int s, int e) {
    if (e - s < 2 || e - s > 63) {
      return false;
    }
    StringBuilder b = new StringBuilder(e - s);
    for (int i = s; i < e; i++) {
      char c = sc.at(i);
      b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return TLDS.contains(b.toString());
  }
}
