package dev.moat.core.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Surname and administrative-division dictionaries, loaded once from resources. */
final class Dictionaries {
  private static final BitSet SURNAME = new BitSet(65536);
  private static final Set<String> COMPOUND_SURNAMES;
  private static final Set<String> DIVISIONS;

  static {
    Set<String> compound = new HashSet<>();
    for (String line : lines("surnames.txt")) {
      for (String w : line.split("\\s+")) {
        if (w.length() == 2 && line.contains(" ")) {
          compound.add(w);
        } else if (!line.contains(" ")) {
          w.chars().forEach(SURNAME::set);
        }
      }
    }
    COMPOUND_SURNAMES = Set.copyOf(compound);
    Set<String> div = new HashSet<>();
    for (String line : lines("divisions.txt")) {
      for (String w : line.split("\\s+")) {
        if (!w.isEmpty()) {
          div.add(w);
        }
      }
    }
    DIVISIONS = Set.copyOf(div);
  }

  private Dictionaries() {}

  private static List<String> lines(String resource) {
    List<String> out = new ArrayList<>();
    try (InputStream in =
            Objects.requireNonNull(
                Dictionaries.class.getResourceAsStream(resource), resource + " missing");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Length of the surname starting at {@code a[p]} (2 for compound, 1, or 0 for none). */
  static int surname(char[] a, int p, int hi) {
    if (p + 1 < hi && COMPOUND_SURNAMES.contains(new String(a, p, 2))) {
      return 2;
    }
    return p < hi && SURNAME.get(a[p]) ? 1 : 0;
  }

  /** Length of the division name that {@code a[p..]} starts with, or 0. */
  static int division(char[] a, int p, int hi) {
    for (int len = Math.min(4, hi - p); len >= 2; len--) {
      if (DIVISIONS.contains(new String(a, p, len))) {
        return len;
      }
    }
    return 0;
  }
}
