package dev.moat.discover;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Masks credentials in source strings and messages before they are printed or stored. */
public final class Redact {
  private static final Pattern USERINFO = Pattern.compile("(//[^/@:\\s]*):[^@/\\s]*@");
  private static final Pattern PARAM =
      Pattern.compile("(?i)((?:password|passwd|pwd|secret|token)=)[^&;\\s]*");

  private Redact() {}

  /**
   * {@code source} with the password of {@code user:pass@} and of {@code password=} parameters
   * replaced by {@code ***}.
   */
  public static String source(String source) {
    String s =
        USERINFO.matcher(source).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + ":***@");
    return PARAM.matcher(s).replaceAll("$1***");
  }

  /** {@code message} with every occurrence of {@code secret} (if any) replaced by {@code ***}. */
  public static String message(@Nullable String message, @Nullable String secret) {
    String m = message == null ? "" : message;
    if (secret != null && secret.length() >= 2) {
      m = m.replace(secret, "***");
    }
    return source(m);
  }
}
