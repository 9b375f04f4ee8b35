package dev.moat.scan.suppress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.moat.core.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A suppression file and its application to findings.
 *
 * <pre>
 * suppressions:
 *   - id: 3f2a9c0d1e2b4a5c            # one finding, by its stable id
 *     reason: accepted until migration, SEC-142
 *     expires: 2027-03-31
 *   - check: redis.no-auth            # or a check on a target
 *     target: 10.0.0.5:6379           # host, host:port or CIDR
 *     reason: lab machine, isolated VLAN
 *     expires: 2026-12-31
 * </pre>
 */
public final class Suppressions {
  private static final Set<String> KEYS = Set.of("id", "check", "target", "reason", "expires");

  private final List<Suppression> entries;

  private Suppressions(List<Suppression> entries) {
    this.entries = List.copyOf(entries);
  }

  /** No suppressions. */
  public static Suppressions none() {
    return new Suppressions(List.of());
  }

  /** Exactly these. */
  public static Suppressions of(List<Suppression> entries) {
    return new Suppressions(entries);
  }

  /** The entries. */
  public List<Suppression> entries() {
    return entries;
  }

  /**
   * Reads a suppression file.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException naming the entry and field that is wrong
   */
  public static Suppressions load(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          "suppression file is not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return none();
    }
    JsonNode list = root.path("suppressions");
    if (!list.isArray()) {
      throw new IllegalArgumentException("suppression file needs a list named suppressions");
    }
    List<Suppression> out = new ArrayList<>();
    int n = 0;
    for (JsonNode e : list) {
      n++;
      Iterator<String> names = e.fieldNames();
      while (names.hasNext()) {
        String k = names.next();
        if (!KEYS.contains(k)) {
          throw new IllegalArgumentException(
              "suppression "
                  + n
                  + ": unknown key "
                  + k
                  + " (known: id, check, target, reason, expires)");
        }
      }
      String expires = text(e, "expires");
      if (expires == null) {
        throw new IllegalArgumentException(
            "suppression " + n + ": expires (YYYY-MM-DD) is required");
      }
      LocalDate day;
      try {
        day = LocalDate.parse(expires);
      } catch (DateTimeParseException ex) {
        throw new IllegalArgumentException(
            "suppression " + n + ": expires must be a date YYYY-MM-DD: " + expires, ex);
      }
      String reason = text(e, "reason");
      try {
        out.add(
            new Suppression(
                text(e, "id"),
                text(e, "check"),
                text(e, "target"),
                reason == null ? "" : reason,
                day));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException("suppression " + n + ": " + ex.getMessage(), ex);
      }
    }
    return new Suppressions(out);
  }

  private static @Nullable String text(JsonNode e, String key) {
    JsonNode v = e.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  /**
   * The outcome of applying suppressions.
   *
   * @param kept findings still reported
   * @param suppressed findings removed by an active suppression
   * @param expired suppressions past their date that matched a finding (which is kept)
   */
  public record Outcome(List<Finding> kept, List<Finding> suppressed, List<Suppression> expired) {
    public Outcome {
      kept = List.copyOf(kept);
      suppressed = List.copyOf(suppressed);
      expired = List.copyOf(expired);
    }
  }

  /** Applies the suppressions active on {@code today} to {@code findings}. */
  public Outcome apply(List<Finding> findings, LocalDate today) {
    List<Finding> kept = new ArrayList<>();
    List<Finding> suppressed = new ArrayList<>();
    Set<Suppression> expired = new LinkedHashSet<>();
    for (Finding f : findings) {
      boolean hidden = false;
      for (Suppression s : entries) {
        if (s.matches(f)) {
          if (s.activeOn(today)) {
            hidden = true;
          } else {
            expired.add(s);
          }
        }
      }
      (hidden ? suppressed : kept).add(f);
    }
    return new Outcome(kept, suppressed, new ArrayList<>(expired));
  }
}
