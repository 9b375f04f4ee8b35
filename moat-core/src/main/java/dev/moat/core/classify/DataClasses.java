package dev.moat.core.classify;

import dev.moat.core.Category;
import dev.moat.core.Level;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classification table: entity → PIPL category and GB/T 43697 level, read from {@code
 * classes.tsv} (data, not code). Custom entities are added with {@link #register}. Thread-safe.
 */
public final class DataClasses {
  private static final Map<String, DataClass> BUILT_IN = load();
  private static final Map<String, DataClass> CUSTOM = new ConcurrentHashMap<>();

  private DataClasses() {}

  private static Map<String, DataClass> load() {
    Map<String, DataClass> out = new LinkedHashMap<>();
    try (InputStream in =
            Objects.requireNonNull(
                DataClasses.class.getResourceAsStream("classes.tsv"), "classes.tsv missing");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length < 3) {
          throw new IllegalStateException("classes.tsv line " + n + ": need 3 columns: " + line);
        }
        out.put(f[0], new DataClass(f[0], Category.parse(f[1]), Level.parse(f[2])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The class of {@code entity}. Unknown entities are classified as personal information at the
   * general level, the conservative default for data a detector flagged.
   */
  public static DataClass of(String entity) {
    return find(entity).orElseGet(() -> new DataClass(entity, Category.PI, Level.GENERAL));
  }

  /** The class of {@code entity} when it is built in or registered. */
  public static Optional<DataClass> find(String entity) {
    DataClass c = CUSTOM.get(entity);
    return Optional.ofNullable(c != null ? c : BUILT_IN.get(entity));
  }

  /** The built-in table, in file order. */
  public static Map<String, DataClass> builtIn() {
    return BUILT_IN;
  }

  /**
   * Adds or replaces the class of a custom entity.
   *
   * @throws IllegalArgumentException when {@code c} would change a built-in entity
   */
  public static void register(DataClass c) {
    DataClass b = BUILT_IN.get(c.entity());
    if (b != null && !b.equals(c)) {
      throw new IllegalArgumentException("cannot reclassify built-in entity: " + c.entity());
    }
    if (b == null) {
      CUSTOM.put(c.entity(), c);
    }
  }

  /** Convenience for {@link #register(DataClass)}. */
  public static void register(String entity, Category category, Level level) {
    register(new DataClass(entity, category, level));
  }
}
