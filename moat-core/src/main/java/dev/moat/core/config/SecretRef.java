package dev.moat.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where a secret lives: {@code env:NAME} (an environment variable) or {@code file:PATH} (a file,
 * trailing newline ignored). Config files hold only these references, never the secret itself, so a
 * config can be shared and printed; the secret is read when it is needed and never echoed, not even
 * in error messages.
 *
 * @param scheme where to look
 * @param target the variable name or the file path
 */
public record SecretRef(Scheme scheme, String target) {

  /** Where a secret is kept. */
  public enum Scheme {
    ENV,
    FILE
  }

  public SecretRef {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(target, "target");
    if (target.isBlank()) {
      throw new ConfigException("", "secret.ref", scheme == Scheme.ENV ? "env:" : "file:");
    }
  }

  /**
   * Parses {@code env:NAME} or {@code file:PATH}.
   *
   * @throws ConfigException for anything else; the message does not contain the value, which may be
   *     a secret written in by mistake
   */
  public static SecretRef parse(String value) {
    String v = value.trim();
    if (v.startsWith("env:") && v.length() > 4) {
      return new SecretRef(Scheme.ENV, v.substring(4));
    }
    if (v.startsWith("file:") && v.length() > 5) {
      return new SecretRef(Scheme.FILE, v.substring(5));
    }
    throw new ConfigException("", "secret.literal");
  }

  /**
   * Reads the secret.
   *
   * @param env the environment, e.g. {@code System::getenv}
   * @throws ConfigException naming the reference (never the secret) when it cannot be read or is
   *     empty
   */
  public byte[] resolve(Function<String, @Nullable String> env) {
    String secret =
        switch (scheme) {
          case ENV -> {
            String s = env.apply(target);
            if (s == null) {
              throw new ConfigException("", "secret.env.missing", target);
            }
            yield s;
          }
          case FILE -> {
            try {
              yield Files.readString(Path.of(target), StandardCharsets.UTF_8).strip();
            } catch (IOException | RuntimeException e) {
              throw new ConfigException("", "secret.file.unreadable", target);
            }
          }
        };
    if (secret.isEmpty()) {
      throw new ConfigException("", "secret.empty", toString());
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The reference as written in config: {@code env:NAME} or {@code file:PATH}. */
  @Override
  public String toString() {
    return (scheme == Scheme.ENV ? "env:" : "file:") + target;
  }
}
