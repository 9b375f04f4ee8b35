package dev.moat.discover;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Case-insensitive globs: {@code *} any run of characters, {@code ?} one character. */
final class Globs {
  private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private Globs() {}

  static boolean anyMatch(List<String> globs, String name) {
    for (String g : globs) {
      if (CACHE.computeIfAbsent(g, Globs::compile).matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  static Pattern compile(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(
        re.toString().toLowerCase(Locale.ROOT), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
