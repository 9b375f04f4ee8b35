package dev.moat.scan.target;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;

/**
 * A target, exclusion or port list that cannot be used, told in the user's language: a key of this
 * package's {@code Messages} bundle (en, zh-CN) and its arguments, the first of which is what the
 * user wrote. {@link #getMessage()} is the English text.
 */
public final class TargetException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String[] args;

  TargetException(String key, String... args) {
    this(null, key, args);
  }

  TargetException(@Nullable Throwable cause, String key, String... args) {
    super(format(Locale.ROOT, key, args), cause);
    this.key = key;
    this.args = args.clone();
  }

  /** The message in {@code locale} (English unless a translation exists). */
  public String message(Locale locale) {
    return format(locale, key, args);
  }

  private static String format(Locale locale, String key, String[] args) {
    ResourceBundle b =
        ResourceBundle.getBundle(
            TargetException.class.getPackageName() + ".Messages",
            locale,
            TargetException.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new MessageFormat(b.getString(key), locale).format((Object[]) args);
  }
}
