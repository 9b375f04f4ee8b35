package dev.moat.core.config;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A configuration value broke a rule. The message names the key (e.g. {@code
 * detect.custom[2].pattern}), the rule and, except for secrets, the bad value, in the language of
 * the default locale. The CLI maps it to exit code 2.
 */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private static final String BUNDLE = "dev.moat.core.config.ConfigMessages";

  private final String key;
  private final String rule;
  private final Object[] args;

  /**
   * Creates an exception.
   *
   * @param key the config key, relative to the record that raised it
   * @param rule the message key in {@code ConfigMessages}; its pattern gets the key as {@code {0}}
   *     and {@code args} as {@code {1}}, {@code {2}} …
   * @param args the rule's arguments, typically the bad value last
   */
  public ConfigException(String key, String rule, Object... args) {
    super(key + ": " + rule);
    this.key = key;
    this.rule = rule;
    // Values are shown verbatim: MessageFormat would print the number 1000 as "1,000".
    this.args = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      this.args[i] = String.valueOf(args[i]);
    }
  }

  /** The full key the rule applies to. */
  public String key() {
    return key;
  }

  /** The message key of the broken rule. */
  public String rule() {
    return rule;
  }

  /**
   * The same error with {@code prefix} put in front of the key: {@code detect} + {@code threads}.
   */
  public ConfigException under(String prefix) {
    String full = key.isEmpty() ? prefix : key.startsWith("[") ? prefix + key : prefix + "." + key;
    ConfigException e = new ConfigException(full, rule, args);
    e.setStackTrace(getStackTrace());
    return e;
  }

  @Override
  public String getMessage() {
    Object[] all = new Object[args.length + 1];
    all[0] = key;
    System.arraycopy(args, 0, all, 1, args.length);
    Locale locale = Locale.getDefault();
    String pattern;
    try {
      pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(rule);
    } catch (java.util.MissingResourceException e) {
      return key + ": " + rule + " " + Arrays.toString(args);
    }
    return new MessageFormat(pattern, locale).format(all);
  }
}
