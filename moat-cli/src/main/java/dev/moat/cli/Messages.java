package dev.moat.cli;

import dev.moat.core.text.TerminalText;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The CLI's user-facing texts, zh-CN and en. The language is chosen once at start-up ({@code
 * --lang}, else the system locale) and then read from the default locale.
 */
public final class Messages {
  static final String BUNDLE = "dev.moat.cli.Messages";

  /**
   * Bundles searched in order: the shared one, then one per command family, so that each command
   * keeps its texts in its own pair of files.
   */
  static final java.util.List<String> BUNDLES =
      java.util.List.of(
          BUNDLE,
          "dev.moat.cli.DetectMessages",
          "dev.moat.cli.ScanMessages",
          "dev.moat.cli.DiscoverMessages",
          "dev.moat.cli.AuditMessages");

  private Messages() {}

  /** The bundle for the current language. */
  public static ResourceBundle bundle() {
    return ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
  }

  /**
   * The text for {@code key}, formatted with {@code args}; the key itself if it is missing. Every
   * argument but a number is shown through {@link TerminalText#clean}: arguments are file names,
   * addresses and servers' errors, and a control character in one must not reach the terminal.
   */
  public static String get(String key, Object... rawArgs) {
    Object[] args = new Object[rawArgs.length];
    for (int i = 0; i < args.length; i++) {
      Object a = rawArgs[i];
      args[i] = a instanceof Number ? a : TerminalText.clean(String.valueOf(a));
    }
    String pattern = null;
    for (String name : BUNDLES) {
      try {
        pattern = ResourceBundle.getBundle(name, Locale.getDefault()).getString(key);
        break;
      } catch (MissingResourceException e) {
        // not in this bundle; try the next
      }
    }
    if (pattern == null) {
      return args.length == 0 ? key : key + " " + java.util.Arrays.toString(args);
    }
    return args.length == 0
        ? pattern
        : new MessageFormat(pattern, Locale.getDefault()).format(args);
  }

  /** True when the user's language is Chinese. */
  public static boolean chinese() {
    return Locale.getDefault().getLanguage().equals("zh");
  }

  /**
   * Maps a {@code --lang} value to a locale.
   *
   * @throws IllegalArgumentException for anything but zh, zh-CN, en
   */
  public static Locale localeFor(String lang) {
    return switch (lang.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "zh", "zh-cn", "cn" -> Locale.SIMPLIFIED_CHINESE;
      case "en", "en-us" -> Locale.ENGLISH;
      default -> throw new IllegalArgumentException(lang);
    };
  }

  /** The locale Moat uses when no {@code --lang} is given: Chinese systems get zh-CN. */
  public static Locale systemDefault(Locale system) {
    return systemDefault(system, System.getenv());
  }

  /**
   * The locale for {@code --lang}'s absence, from the environment as gettext reads it ({@code
   * LC_ALL}, then {@code LC_MESSAGES}, then {@code LANG}; the first that is set decides) and from
   * the JVM's locale when none is. The environment comes first because the JVM only honours {@code
   * LANG=zh_CN.UTF-8} when that locale is installed, which slim servers and containers often lack.
   */
  static Locale systemDefault(Locale system, java.util.Map<String, String> env) {
    for (String name : java.util.List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
      String v = env.get(name);
      if (v != null && !v.isBlank()) {
        return v.trim().toLowerCase(Locale.ROOT).startsWith("zh")
            ? Locale.SIMPLIFIED_CHINESE
            : Locale.ENGLISH;
      }
    }
    return system.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }
}
