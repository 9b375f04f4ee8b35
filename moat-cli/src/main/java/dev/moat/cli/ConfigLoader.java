package dev.moat.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.moat.core.Category;
import dev.moat.core.Level;
import dev.moat.core.config.ConfigException;
import dev.moat.core.config.CustomDetector;
import dev.moat.core.config.DetectConfig;
import dev.moat.core.config.DiscoverConfig;
import dev.moat.core.config.DiscoverSource;
import dev.moat.core.config.MaskConfig;
import dev.moat.core.config.MoatConfig;
import dev.moat.core.config.MoatHome;
import dev.moat.core.config.SecretRef;
import dev.moat.core.detect.Confidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code moat.yaml} into a {@link MoatConfig}.
 *
 * <p>The file is {@code --config FILE} if given, else {@code ./moat.yaml}, else {@code
 * ~/.moat/config.yaml}, else none (defaults). Every key can be overridden by an environment
 * variable named after its path: {@code detect.minConfidence} → {@code MOAT_DETECT_MIN_CONFIDENCE};
 * list and mapping values are written in YAML flow style ({@code [a, b]}, {@code {K: v}}), and
 * {@code MOAT_DETECT_ENTITIES} also takes a comma-separated list. Precedence: command-line options,
 * then environment, then file, then defaults.
 *
 * <p>Strict by design: an unknown key, in the file or as a {@code MOAT_<SECTION>_…} variable, is an
 * error naming the key and listing the known ones, so a typo never silently becomes a default. A
 * new section (for scan, discover, audit) is one entry in {@link #KEYS} plus its binder.
 */
final class ConfigLoader {
  /** Known sections and their keys, in documentation order. */
  static final Map<String, List<String>> KEYS = keys();

  private static final List<String> CUSTOM_KEYS =
      List.of("entity", "pattern", "validator", "hotwords", "category", "level");

  private static final List<String> SOURCE_KEYS = List.of("url", "user", "password");

  /** Built on first use: with no config file, a command does not pay for a YAML mapper. */
  private static final class Yaml {
    static final YAMLMapper MAPPER = yamlMapper();
  }

  /**
   * A loaded config and where it came from.
   *
   * @param config the config
   * @param file the file read, if any
   */
  record Loaded(MoatConfig config, Optional<Path> file) {}

  private ConfigLoader() {}

  private static Map<String, List<String>> keys() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("detect", List.of("entities", "minConfidence", "threads", "custom", "exclude"));
    m.put("mask", List.of("hmacKey", "overrides"));
    m.put("discover", List.of("sources", "sample", "maxTables", "concurrency", "timeout"));
    return java.util.Collections.unmodifiableMap(m);
  }

  private static YAMLMapper yamlMapper() {
    YAMLMapper m = new YAMLMapper();
    m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return m;
  }

  /**
   * The config as a command reads it: {@code --config FILE} when given, else {@code ./moat.yaml},
   * else {@code ~/.moat/config.yaml}, with {@code MOAT_*} overrides from {@code env}.
   *
   * @param errorKey the message key of a config error for this command (its one-line usage error)
   * @throws UserException a usage error (exit 2) for a config that cannot be used
   */
  static MoatConfig forCommand(@Nullable Path explicit, Map<String, String> env, String errorKey) {
    try {
      return load(
              explicit, Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")), env)
          .config();
    } catch (ConfigException e) {
      throw UserException.usage(errorKey, e.getMessage());
    }
  }

  /**
   * Finds, reads and validates the config.
   *
   * @param explicit {@code --config}, if given; it must exist
   * @param workDir the working directory, searched for {@code moat.yaml}
   * @param userHome the user's home, searched for {@code .moat/config.yaml}
   * @param env the environment
   * @throws ConfigException for a missing explicit file, unreadable file, bad YAML, unknown key or
   *     invalid value
   */
  static Loaded load(
      @Nullable Path explicit, Path workDir, Path userHome, Map<String, String> env) {
    Optional<Path> file = locate(explicit, workDir, userHome);
    ObjectNode root = file.isPresent() ? read(file.get()) : JsonNodeFactory.instance.objectNode();
    overlayEnvironment(root, env);
    return new Loaded(bind(root), file);
  }

  static Optional<Path> locate(@Nullable Path explicit, Path workDir, Path userHome) {
    if (explicit != null) {
      if (!Files.isRegularFile(explicit)) {
        throw new ConfigException(explicit.toString(), "config.file.missing");
      }
      return Optional.of(explicit);
    }
    Path local = workDir.resolve("moat.yaml");
    if (Files.isRegularFile(local)) {
      return Optional.of(local);
    }
    Path user = MoatHome.dir(userHome).resolve(MoatHome.CONFIG_FILE);
    return Files.isRegularFile(user) ? Optional.of(user) : Optional.empty();
  }

  private static ObjectNode read(Path file) {
    JsonNode node;
    try {
      node = Yaml.MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw new ConfigException(
          file.toString(),
          "config.yaml",
          loc == null ? 0 : loc.getLineNr(),
          loc == null ? 0 : loc.getColumnNr(),
          firstLine(e.getOriginalMessage()));
    } catch (NoSuchFileException e) {
      throw new ConfigException(file.toString(), "config.file.missing");
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "config.file.unreadable", String.valueOf(e));
    }
    if (node == null || node.isMissingNode() || node.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!(node instanceof ObjectNode obj)) {
      throw new ConfigException(file.toString(), "config.type.map");
    }
    return obj;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /**
   * The environment variable for a key: {@code detect.minConfidence} → MOAT_DETECT_MIN_CONFIDENCE.
   */
  static String envName(String section, String key) {
    String snake = key.replaceAll("([a-z0-9])([A-Z])", "$1_$2");
    return ("MOAT_" + section + "_" + snake).toUpperCase(Locale.ROOT);
  }

  private static void overlayEnvironment(ObjectNode root, Map<String, String> env) {
    // A secret kept in, say, MOAT_MASK_SECRET and referenced as env:MOAT_MASK_SECRET is not a
    // misspelt key.
    java.util.Set<String> secretVars = new java.util.HashSet<>();
    addSecretVar(secretVars, root.path("mask").path("hmacKey"));
    for (JsonNode src : root.path("discover").path("sources")) {
      addSecretVar(secretVars, src.path("password"));
    }
    for (Map.Entry<String, List<String>> s : KEYS.entrySet()) {
      String section = s.getKey();
      String prefix = ("MOAT_" + section + "_").toUpperCase(Locale.ROOT);
      Map<String, String> names = new LinkedHashMap<>();
      for (String key : s.getValue()) {
        names.put(envName(section, key), key);
      }
      for (Map.Entry<String, String> v : new java.util.TreeMap<>(env).entrySet()) {
        String var = v.getKey();
        if (!var.startsWith(prefix) || secretVars.contains(var)) {
          continue;
        }
        String key = names.get(var);
        if (key == null) {
          throw new ConfigException(var, "config.env", String.join(", ", names.keySet()));
        }
        JsonNode sec = root.get(section);
        ObjectNode target;
        if (sec instanceof ObjectNode o) {
          target = o;
        } else {
          target = root.putObject(section);
        }
        target.set(key, envValue(var, key, v.getValue()));
      }
    }
  }

  private static void addSecretVar(java.util.Set<String> vars, JsonNode ref) {
    if (ref.isTextual() && ref.asText().trim().startsWith("env:")) {
      vars.add(ref.asText().trim().substring(4));
    }
  }

  private static JsonNode envValue(String var, String key, String value) {
    String v = value.trim();
    boolean structured = v.startsWith("[") || v.startsWith("{");
    if (key.equals("entities") && !structured) {
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      for (String part : v.split(",")) {
        if (!part.isBlank()) {
          list.add(part.trim());
        }
      }
      return list;
    }
    if (!structured) {
      return JsonNodeFactory.instance.textNode(v);
    }
    try {
      JsonNode n = Yaml.MAPPER.readTree(v);
      return n == null ? JsonNodeFactory.instance.nullNode() : n;
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw new ConfigException(
          var,
          "config.yaml",
          loc == null ? 0 : loc.getLineNr(),
          loc == null ? 0 : loc.getColumnNr(),
          firstLine(e.getOriginalMessage()));
    }
  }

  static MoatConfig bind(ObjectNode root) {
    checkKeys("", root, List.copyOf(KEYS.keySet()));
    DetectConfig detect = bindDetect(section(root, "detect"));
    MaskConfig mask = bindMask(section(root, "mask"));
    DiscoverConfig discover = bindDiscover(section(root, "discover"));
    return new MoatConfig(detect, mask, discover);
  }

  private static ObjectNode section(ObjectNode root, String name) {
    JsonNode n = root.get(name);
    if (n == null || n.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!(n instanceof ObjectNode o)) {
      throw new ConfigException(name, "config.type.map");
    }
    checkKeys(name, o, KEYS.getOrDefault(name, List.of()));
    return o;
  }

  private static void checkKeys(String where, ObjectNode node, List<String> known) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      if (!known.contains(name)) {
        String key = where.isEmpty() ? name : where + "." + name;
        throw new ConfigException(key, "config.unknownKey", String.join(", ", known));
      }
    }
  }

  private static DetectConfig bindDetect(ObjectNode n) {
    DetectConfig d = DetectConfig.DEFAULTS;
    List<String> entities = d.entities();
    Confidence min = d.minConfidence();
    int threads = d.threads();
    List<CustomDetector> custom = d.custom();
    List<String> exclude = d.exclude();
    if (present(n, "entities")) {
      entities = stringList("detect.entities", n.get("entities"), true);
    }
    if (present(n, "minConfidence")) {
      String v = text("detect.minConfidence", n.get("minConfidence"));
      min = parse("detect.minConfidence", v, Confidence::parse, "low, medium, high");
    }
    if (present(n, "threads")) {
      threads = integer("detect.threads", n.get("threads"));
    }
    if (present(n, "custom")) {
      custom = customDetectors(n.get("custom"));
    }
    if (present(n, "exclude")) {
      exclude = stringList("detect.exclude", n.get("exclude"), false);
    }
    try {
      return new DetectConfig(entities, min, threads, custom, exclude);
    } catch (ConfigException e) {
      throw e.under("detect");
    }
  }

  private static List<CustomDetector> customDetectors(JsonNode n) {
    if (!n.isArray()) {
      throw new ConfigException("detect.custom", "config.type.list");
    }
    List<CustomDetector> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      String where = "detect.custom[" + i + "]";
      if (!(n.get(i) instanceof ObjectNode o)) {
        throw new ConfigException(where, "config.type.map");
      }
      checkKeys(where, o, CUSTOM_KEYS);
      String entity = required(o, where, "entity");
      String pattern = required(o, where, "pattern");
      Optional<String> validator =
          present(o, "validator")
              ? Optional.of(text(where + ".validator", o.get("validator")))
              : Optional.empty();
      List<String> hotwords =
          present(o, "hotwords")
              ? stringList(where + ".hotwords", o.get("hotwords"), false)
              : List.of();
      Category category =
          present(o, "category")
              ? parse(
                  where + ".category",
                  text(where + ".category", o.get("category")),
                  Category::parse,
                  "pi, sensitive-pi, other")
              : Category.PI;
      Level level =
          present(o, "level")
              ? parse(
                  where + ".level",
                  text(where + ".level", o.get("level")),
                  Level::parse,
                  "general, important, core")
              : Level.GENERAL;
      try {
        out.add(new CustomDetector(entity, pattern, validator, hotwords, category, level));
      } catch (ConfigException e) {
        throw e.under(where);
      }
    }
    return out;
  }

  private static DiscoverConfig bindDiscover(ObjectNode n) {
    DiscoverConfig d = DiscoverConfig.DEFAULTS;
    List<DiscoverSource> sources =
        present(n, "sources") ? discoverSources(n.get("sources")) : d.sources();
    int sample = present(n, "sample") ? integer("discover.sample", n.get("sample")) : d.sample();
    int maxTables =
        present(n, "maxTables") ? integer("discover.maxTables", n.get("maxTables")) : d.maxTables();
    int concurrency =
        present(n, "concurrency")
            ? integer("discover.concurrency", n.get("concurrency"))
            : d.concurrency();
    int timeout =
        present(n, "timeout") ? integer("discover.timeout", n.get("timeout")) : d.timeoutSeconds();
    try {
      return new DiscoverConfig(sources, sample, maxTables, concurrency, timeout);
    } catch (ConfigException e) {
      throw e.under("discover");
    }
  }

  private static List<DiscoverSource> discoverSources(JsonNode n) {
    if (!n.isArray()) {
      throw new ConfigException("discover.sources", "config.type.list");
    }
    List<DiscoverSource> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      String where = "discover.sources[" + i + "]";
      JsonNode item = n.get(i);
      if (item.isTextual()) { // a bare URL: credentials in the URL or none
        out.add(source(where, item.asText(), Optional.empty(), Optional.empty()));
        continue;
      }
      if (!(item instanceof ObjectNode o)) {
        throw new ConfigException(where, "config.type.map");
      }
      checkKeys(where, o, SOURCE_KEYS);
      String url = required(o, where, "url");
      Optional<String> user =
          present(o, "user") ? Optional.of(text(where + ".user", o.get("user"))) : Optional.empty();
      Optional<SecretRef> password = Optional.empty();
      if (present(o, "password")) {
        JsonNode v = o.get("password");
        if (!v.isValueNode()) {
          throw new ConfigException(where + ".password", "config.type.string");
        }
        try {
          password = Optional.of(SecretRef.parse(v.asText()));
        } catch (ConfigException e) {
          throw e.under(where + ".password");
        }
      }
      out.add(source(where, url, user, password));
    }
    return out;
  }

  private static DiscoverSource source(
      String where, String url, Optional<String> user, Optional<SecretRef> password) {
    try {
      return new DiscoverSource(url, user, password);
    } catch (ConfigException e) {
      throw e.under(where);
    }
  }

  private static MaskConfig bindMask(ObjectNode n) {
    Optional<SecretRef> key = Optional.empty();
    Map<String, String> overrides = Map.of();
    if (present(n, "hmacKey")) {
      JsonNode v = n.get("hmacKey");
      if (!v.isValueNode()) {
        throw new ConfigException("mask.hmacKey", "config.type.string");
      }
      try {
        key = Optional.of(SecretRef.parse(v.asText()));
      } catch (ConfigException e) {
        throw e.under("mask.hmacKey");
      }
    }
    if (present(n, "overrides")) {
      JsonNode o = n.get("overrides");
      if (!(o instanceof ObjectNode obj)) {
        throw new ConfigException("mask.overrides", "config.type.map");
      }
      Map<String, String> m = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : obj.properties()) {
        m.put(e.getKey(), text("mask.overrides." + e.getKey(), e.getValue()));
      }
      overrides = m;
    }
    try {
      return new MaskConfig(key, overrides);
    } catch (ConfigException e) {
      throw e.under("mask");
    }
  }

  private static boolean present(ObjectNode n, String key) {
    JsonNode v = n.get(key);
    return v != null && !v.isNull();
  }

  private static String required(ObjectNode o, String where, String key) {
    if (!present(o, key)) {
      throw new ConfigException(where + "." + key, "config.empty");
    }
    return text(where + "." + key, o.get(key));
  }

  private static String text(String key, JsonNode n) {
    if (!n.isValueNode()) {
      throw new ConfigException(key, "config.type.string");
    }
    return n.asText();
  }

  private static int integer(String key, JsonNode n) {
    if (n.isIntegralNumber() && n.canConvertToInt()) {
      return n.intValue();
    }
    String v = n.isValueNode() ? n.asText().trim() : n.toString();
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "config.type.integer", v);
    }
  }

  /** A list of strings; a single value becomes a one-element list (or, if {@code csv}, split). */
  private static List<String> stringList(String key, JsonNode n, boolean csv) {
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        out.add(text(key + "[" + i + "]", n.get(i)).trim());
      }
    } else if (n.isValueNode()) {
      String v = n.asText();
      if (csv) {
        for (String part : v.split(",")) {
          if (!part.isBlank()) {
            out.add(part.trim());
          }
        }
      } else {
        out.add(v);
      }
    } else {
      throw new ConfigException(key, "config.type.list");
    }
    return out;
  }

  private static <T> T parse(String key, String v, Function<String, T> parser, String allowed) {
    try {
      return parser.apply(v);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, "config.oneOf", allowed, v);
    }
  }
}
