package dev.moat.discover;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Column-name and comment hints (Chinese, English, pinyin) loaded from the data file {@code
 * name-hints.tsv}: {@code sfzh} → resident ID, {@code shouji} → mobile, {@code 姓名} → name.
 * Immutable and thread-safe.
 */
public final class NameHints {
  /**
   * A hint.
   *
   * @param strong whether the name alone is enough for entities that values cannot prove
   */
  public record Hint(String entity, boolean strong) {}

  private final Map<String, Hint> tokens;
  private final List<Map.Entry<String, Hint>> texts;
  private final Set<String> negativeTokens;
  private final List<String> negativeTexts;

  private NameHints(
      Map<String, Hint> tokens,
      List<Map.Entry<String, Hint>> texts,
      Set<String> negativeTokens,
      List<String> negativeTexts) {
    this.tokens = Map.copyOf(tokens);
    this.texts = List.copyOf(texts);
    this.negativeTokens = Set.copyOf(negativeTokens);
    this.negativeTexts = List.copyOf(negativeTexts);
  }

  /** The built-in dictionary. */
  public static NameHints standard() {
    try (InputStream in = NameHints.class.getResourceAsStream("name-hints.tsv")) {
      if (in == null) {
        throw new IllegalStateException("name-hints.tsv missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the TSV format of {@code name-hints.tsv}. */
  static NameHints parse(String tsv) throws IOException {
    Map<String, Hint> tokens = new HashMap<>();
    List<Map.Entry<String, Hint>> texts = new ArrayList<>();
    Set<String> negTokens = new HashSet<>();
    List<String> negTexts = new ArrayList<>();
    BufferedReader r = new BufferedReader(new java.io.StringReader(tsv));
    String line;
    int no = 0;
    while ((line = r.readLine()) != null) {
      no++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length != 4) {
        throw new IllegalArgumentException("name-hints line " + no + ": need 4 fields: " + line);
      }
      String term = f[3].trim().toLowerCase(Locale.ROOT);
      boolean token = f[2].equals("token");
      if (f[0].equals("NEGATIVE")) {
        if (token) {
          negTokens.add(term);
        } else {
          negTexts.add(term);
        }
        continue;
      }
      Hint h = new Hint(f[0], f[1].equals("strong"));
      if (token) {
        tokens.put(term, h);
      } else {
        texts.add(Map.entry(term, h));
      }
    }
    return new NameHints(tokens, texts, negTokens, negTexts);
  }

  /** The hint for a column name and its comment, if any. */
  public Optional<Hint> lookup(String name, @Nullable String comment) {
    List<String> parts = tokens(name);
    String joined = String.join("", parts);
    Hint whole = tokens.get(joined);
    if (whole != null) {
      return Optional.of(whole);
    }
    String lowerName = name.toLowerCase(Locale.ROOT);
    boolean negative =
        (!parts.isEmpty() && negativeTokens.contains(parts.get(parts.size() - 1)))
            || negativeTexts.stream().anyMatch(lowerName::contains);
    if (negative) {
      return Optional.empty();
    }
    Optional<Hint> h = fromTokens(parts);
    if (h.isEmpty()) {
      h = fromText(lowerName);
    }
    if (h.isEmpty() && comment != null && !comment.isBlank()) {
      String c = comment.toLowerCase(Locale.ROOT);
      if (negativeTexts.stream().noneMatch(c::contains)) {
        h = fromText(c);
        if (h.isEmpty()) {
          h = fromTokens(tokens(comment));
        }
      }
    }
    return h;
  }

  private Optional<Hint> fromTokens(List<String> parts) {
    // Longest joined runs first: id_card_no → idcardno, idcard, cardno, id, card, no.
    for (int len = parts.size(); len >= 1; len--) {
      for (int i = 0; i + len <= parts.size(); i++) {
        Hint h = tokens.get(String.join("", parts.subList(i, i + len)));
        if (h != null) {
          return Optional.of(h);
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Hint> fromText(String s) {
    for (Map.Entry<String, Hint> e : texts) {
      if (s.contains(e.getKey())) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** {@code IDCardNo} → id, card, no; {@code user_phone2} → user, phone, 2. */
  static List<String> tokens(String name) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int prevType = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      int type =
          Character.isDigit(c) ? 1 : Character.isUpperCase(c) ? 2 : Character.isLetter(c) ? 3 : 0;
      boolean split =
          type == 0
              || (prevType != 0 && (type == 1) != (prevType == 1))
              || (type == 2 && prevType == 3)
              || (type == 3
                  && prevType == 2
                  && cur.length() > 1
                  && Character.isUpperCase(cur.charAt(cur.length() - 1))
                  && Character.isUpperCase(cur.charAt(cur.length() - 2)));
      if (split && cur.length() > 0) {
        if (type == 3 && prevType == 2 && cur.length() > 1) {
          // "IDCard": the last capital starts the next word
          char last = cur.charAt(cur.length() - 1);
          cur.setLength(cur.length() - 1);
          out.add(cur.toString().toLowerCase(Locale.ROOT));
          cur.setLength(0);
          cur.append(last);
        } else {
          out.add(cur.toString().toLowerCase(Locale.ROOT));
          cur.setLength(0);
        }
      }
      if (type != 0) {
        cur.append(c);
      }
      prevType = type;
    }
    if (cur.length() > 0) {
      out.add(cur.toString().toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
