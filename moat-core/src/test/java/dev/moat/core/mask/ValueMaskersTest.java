package dev.moat.core.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written IP and address maskers against the straightforward versions they replaced
 * ({@code String.split}, {@code StringBuilder}), on random inputs.
 */
final class ValueMaskersTest {

  private static String ipReference(String v) {
    char sep = v.indexOf(':') >= 0 ? ':' : '.';
    String[] parts = v.split(sep == ':' ? ":" : "\\.", -1);
    StringBuilder b = new StringBuilder(v.length());
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        b.append(sep);
      }
      b.append(i < 2 || parts[i].isEmpty() ? parts[i] : "*");
    }
    return b.toString();
  }

  private static String addressTailReference(String v, int keep) {
    StringBuilder b = new StringBuilder(v.length()).append(v, 0, keep);
    for (int i = keep; i < v.length(); i++) {
      b.append(Character.isLowSurrogate(v.charAt(i)) ? "" : "*");
    }
    return b.toString();
  }

  @Test
  void ip_randomValues_sameAsSplitAndJoin() {
    Random r = new Random(1);
    String alphabet = "0123456789abcdef:.";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = r.nextInt(24); k > 0; k--) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String v = b.toString();
      assertThat(ValueMaskers.ip(v)).as(v).isEqualTo(ipReference(v));
    }
  }

  @Test
  void address_randomValues_sameAsStringBuilderVersion() {
    Random r = new Random(2);
    String alphabet = "北京市海淀区中关村大街号1A-😀";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = r.nextInt(30); k > 0; k--) {
        int p = r.nextInt(alphabet.length() - 1);
        if (Character.isHighSurrogate(alphabet.charAt(p))) {
          b.append(alphabet, p, p + 2);
        } else if (!Character.isLowSurrogate(alphabet.charAt(p))) {
          b.append(alphabet.charAt(p));
        }
      }
      String v = b.toString();
      assertThat(ValueMaskers.address(v)).as(v).isEqualTo(addressTailReference(v, keepOf(v)));
    }
  }

  /** The prefix length {@link ValueMaskers#address} keeps (its first half, unchanged). */
  private static int keepOf(String v) {
    int keep = 0;
    for (int i = 0; i < Math.min(12, v.length()); i++) {
      if ("省市区县旗州盟".indexOf(v.charAt(i)) >= 0) {
        keep = i + 1;
      }
    }
    return keep == 0 ? Math.min(3, v.length() / 3) : keep;
  }
}
