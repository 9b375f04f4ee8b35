package dev.moat.report.inventory;

import dev.moat.discover.InventoryColumn;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Localised texts of the inventory reports (en and zh-CN). */
public final class Labels {
  private final ResourceBundle bundle;
  private final Locale locale;

  private Labels(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle("dev.moat.report.inventory.InventoryMessages", locale);
  }

  /** Texts in {@code locale}'s language (Chinese for any {@code zh} locale, else English). */
  public static Labels of(Locale locale) {
    return new Labels(locale.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT);
  }

  /** The text for {@code key}, formatted with {@code args}. */
  public String get(String key, Object... args) {
    String p;
    try {
      p = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return args.length == 0 ? p : new MessageFormat(p, locale).format(args);
  }

  /** {@code 居民身份证号（敏感个人信息）}, or a dash for a column with no entity. */
  public String dataClass(InventoryColumn c) {
    if (c.entity() == null) {
      return get("none");
    }
    String key = "entity." + c.entity();
    String name = get(key);
    if (name.equals(key)) {
      name = c.entity();
    }
    String cat = get("category." + c.category().id());
    return locale.getLanguage().equals("zh") ? name + "（" + cat + "）" : name + " (" + cat + ")";
  }

  /** {@code 一般数据}, or a dash for a column with no entity. */
  public String level(InventoryColumn c) {
    return c.entity() == null ? get("none") : get("level." + c.level().id());
  }

  /** {@code 已变化（原为一般数据）}. */
  public String change(InventoryColumn c) {
    String s = get("change." + c.change().id());
    if (c.change() == dev.moat.discover.Change.CHANGED) {
      String was =
          c.previousEntity() == null
              ? get("none")
              : get("entity." + c.previousEntity())
                  + (c.previousLevel() == null ? "" : "/" + get("level." + c.previousLevel().id()));
      s +=
          (locale.getLanguage().equals("zh") ? "（" : " (")
              + get("change.was", was)
              + (locale.getLanguage().equals("zh") ? "）" : ")");
    }
    return s;
  }

  /** {@code crm.public}, {@code crm}, or empty. */
  public static String database(InventoryColumn c) {
    String d = c.database() == null ? "" : c.database();
    String s = c.schema() == null ? "" : c.schema();
    return d.isEmpty() ? s : s.isEmpty() ? d : d + "." + s;
  }

  /** Hit rate as a percentage, {@code 98%}. */
  public static String percent(double rate) {
    return Math.round(rate * 100) + "%";
  }

  /** Row count, or a dash when unknown. */
  public String rows(long rows) {
    return rows < 0 ? get("none") : Long.toString(rows);
  }
}
