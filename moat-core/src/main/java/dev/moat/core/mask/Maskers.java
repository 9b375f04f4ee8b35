package dev.moat.core.mask;

import dev.moat.core.detect.Entities;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Named, parameterised maskers and the default masker of each entity (reference: detectors.md
 * §2.3). Specs: {@code keep:N:M} (keep first N and last M), {@code redact}, {@code hmac}
 * (HMAC-SHA256 token; needs a key), {@code year} (date → year), {@code none}. All maskers are
 * immutable and thread-safe.
 */
public final class Maskers {
  private static final Masker REDACT = v -> "******";
  private static final Masker NONE = v -> v;

  private static final Map<String, Masker> DEFAULTS =
      Map.ofEntries(
          Map.entry(Entities.CN_RESIDENT_ID, keep(6, 4)),
          Map.entry(Entities.CN_RESIDENT_ID_15, keep(6, 3)),
          Map.entry(Entities.CN_MOBILE, keep(3, 4)),
          Map.entry(Entities.CN_LANDLINE, keep(3, 4)),
          Map.entry(Entities.BANK_CARD, keep(6, 4)),
          Map.entry(Entities.CN_PASSPORT, keep(1, 3)),
          Map.entry(Entities.HK_MACAU_PERMIT, keep(1, 3)),
          Map.entry(Entities.TW_PERMIT, keep(1, 3)),
          Map.entry(Entities.MAINLAND_TRAVEL_PERMIT, keep(1, 3)),
          Map.entry(Entities.HK_ID, keep(1, 3)),
          Map.entry(Entities.MACAU_ID, keep(1, 3)),
          Map.entry(Entities.TW_ID, keep(1, 3)),
          Map.entry(Entities.CN_PLATE, keep(2, 1)),
          Map.entry(Entities.EMAIL, ValueMaskers::email),
          Map.entry(Entities.IPV4, ValueMaskers::ip),
          Map.entry(Entities.IPV6, ValueMaskers::ip),
          Map.entry(Entities.MAC, keep(6, 0)),
          Map.entry(Entities.IMEI, keep(8, 0)),
          Map.entry(Entities.GPS, ValueMaskers::gps),
          Map.entry(Entities.CN_NAME, ValueMaskers::name),
          Map.entry(Entities.CN_ADDRESS, ValueMaskers::address),
          Map.entry(Entities.BIRTH_DATE, year()),
          Map.entry(Entities.CN_USCC, NONE),
          Map.entry(Entities.CN_ORG_CODE, NONE),
          Map.entry(Entities.SECRET_KEY, ValueMaskers::secret),
          Map.entry(Entities.CREDENTIAL, REDACT));

  private Maskers() {}

  /**
   * The default masker of {@code entity}; entities without one (custom ones) keep the first and
   * last quarter at most ({@code keep:2:2}).
   */
  public static Masker defaultFor(String entity) {
    return DEFAULTS.getOrDefault(entity, keep(2, 2));
  }

  /** Keep the first {@code first} and last {@code last} significant chars; idempotent. */
  public static Masker keep(int first, int last) {
    return new KeepMasker(first, last);
  }

  /** Replaces the whole value with {@code ******}, hiding its length too. */
  public static Masker redact() {
    return REDACT;
  }

  /** Leaves the value as it is (public data such as credit codes). */
  public static Masker none() {
    return NONE;
  }

  /** A date ({@code 1990-03-07}, {@code 19900307}, {@code 1990年3月7日}) reduced to its year. */
  public static Masker year() {
    return ValueMaskers::year;
  }

  /**
   * A deterministic token {@code hmac:<32 hex>} from HMAC-SHA256 under {@code key}: equal values
   * give equal tokens (joins still work), and without the key a token cannot be reversed.
   */
  public static Masker hmac(byte[] key) {
    if (key.length == 0) {
      throw new IllegalArgumentException("hmac key must not be empty");
    }
    SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
    return v -> {
      if (v.startsWith("hmac:")) {
        return v;
      }
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(spec);
        byte[] d = mac.doFinal(v.getBytes(StandardCharsets.UTF_8));
        return "hmac:" + HexFormat.of().formatHex(d, 0, 16);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 unavailable", e);
      }
    };
  }

  /** Parses a spec without an HMAC key; {@code hmac} is then rejected. */
  public static Masker parse(String spec) {
    return parse(spec, null);
  }

  /**
   * Parses {@code keep:N:M}, {@code redact}, {@code none}, {@code year}, {@code hmac} or {@code
   * default:ENTITY}.
   *
   * @throws IllegalArgumentException naming the spec and the accepted forms
   */
  public static Masker parse(String spec, byte @Nullable [] hmacKey) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    String[] p = s.split(":", -1);
    switch (p[0]) {
      case "keep" -> {
        if (p.length == 3) {
          try {
            return keep(Integer.parseInt(p[1]), Integer.parseInt(p[2]));
          } catch (NumberFormatException e) {
            // fall through to the error below
          }
        }
      }
      case "redact" -> {
        return REDACT;
      }
      case "none" -> {
        return NONE;
      }
      case "year" -> {
        return year();
      }
      case "hmac" -> {
        if (hmacKey == null) {
          throw new IllegalArgumentException("mask spec hmac needs a key: " + spec);
        }
        return hmac(hmacKey);
      }
      case "default" -> {
        if (p.length == 2) {
          return defaultFor(spec.trim().substring("default:".length()));
        }
      }
      default -> {}
    }
    throw new IllegalArgumentException(
        "mask spec must be keep:N:M, redact, none, year, hmac or default:ENTITY: " + spec);
  }
}
