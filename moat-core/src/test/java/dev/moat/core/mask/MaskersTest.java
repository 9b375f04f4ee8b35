package dev.moat.core.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class MaskersTest {

  @ParameterizedTest(name = "{0}: {1} → {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CN_RESIDENT_ID|110105199003071239|110105********1239",
        "CN_MOBILE|13812345678|138****5678",
        "CN_MOBILE|138 1234 5678|138 **** 5678",
        "BANK_CARD|6222-0212-3456-7890-128|6222-02**-****-***0-128",
        "BANK_CARD|6222021234567890128|622202*********0128",
        "EMAIL|zhangsan@163.com|z*******@163.com",
        "IPV4|192.168.1.10|192.168.*.*",
        "IPV6|2001:db8::1|2001:db8::*",
        "MAC|00:1A:2B:3C:4D:5E|00:1A:2B:**:**:**",
        "CN_NAME|张三|张*",
        "CN_NAME|欧阳娜娜|欧阳**",
        "CN_PASSPORT|E12345678|E*****678",
        "CN_PLATE|粤B12345|粤B****5",
        "IMEI|490154203237518|49015420*******",
        "GPS|39.904211, 116.407395|39.90, 116.40",
        "CN_ADDRESS|北京市海淀区中关村大街27号|北京市海淀区********",
        "BIRTH_DATE|1990-03-07|1990",
        "CN_USCC|91110108MA1B2C3D8A|91110108MA1B2C3D8A",
        "EMAIL|a@qq.com|*@qq.com",
        "SECRET_KEY|AKIAIOSFODNN7EXAMPLE|AKIA****************",
        "SECRET_KEY|-----BEGIN RSA PRIVATE KEY-----|-----BEGIN RSA PRIVATE KEY-----",
        "CN_LANDLINE|010-62345678|010-****5678",
      })
  void defaultFor_entity_masksAsPractised(String entity, String raw, String masked) {
    assertThat(Maskers.defaultFor(entity).mask(raw)).isEqualTo(masked);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CN_RESIDENT_ID|110105199003071239",
        "CN_MOBILE|138-1234-5678",
        "BANK_CARD|6222 0212 3456 7890 128",
        "EMAIL|zhangsan@163.com",
        "IPV4|10.1.2.3",
        "CN_NAME|王小明",
        "CN_ADDRESS|广东省深圳市南山区科技园路1号",
        "GPS|31.230416,121.473701",
        "BIRTH_DATE|1990年3月7日",
      })
  void defaultFor_maskedAgain_unchanged(String entity, String raw) {
    Masker m = Maskers.defaultFor(entity);
    String once = m.mask(raw);

    assertThat(m.mask(once)).isEqualTo(once).isNotEqualTo(raw);
  }

  @Test
  void keep_keepsLengthAndSeparators() {
    String masked = Maskers.keep(3, 4).mask("+86 138-1234-5678");

    assertThat(masked).hasSameSizeAs("+86 138-1234-5678").isEqualTo("+86 1**-****-5678");
  }

  @Test
  void keep_shortValue_neverShownInFull() {
    assertThat(Maskers.keep(6, 4).mask("12345")).isEqualTo("1***5");
    assertThat(Maskers.keep(6, 4).mask("12")).isEqualTo("**");
  }

  @Test
  void hmac_sameKey_sameTokenDifferentValues_differentTokens() {
    Masker h = Maskers.parse("hmac", "k3y".getBytes(StandardCharsets.UTF_8));

    assertThat(h.mask("13812345678"))
        .isEqualTo(h.mask("13812345678"))
        .startsWith("hmac:")
        .hasSize(37);
    assertThat(h.mask("13812345678")).isNotEqualTo(h.mask("13812345679"));
    assertThat(Maskers.hmac("other".getBytes(StandardCharsets.UTF_8)).mask("13812345678"))
        .isNotEqualTo(h.mask("13812345678"));
    assertThat(h.mask(h.mask("x"))).isEqualTo(h.mask("x"));
  }

  @Test
  void parse_specs() {
    assertThat(Maskers.parse("keep:1:1").mask("abcd")).isEqualTo("a**d");
    assertThat(Maskers.parse("redact").mask("secret")).isEqualTo("******");
    assertThat(Maskers.parse(" YEAR ").mask("19900307")).isEqualTo("1990");
    assertThat(Maskers.parse("none").mask("x")).isEqualTo("x");
    assertThat(Maskers.parse("default:CN_MOBILE").mask("13812345678")).isEqualTo("138****5678");
  }

  @Test
  void parse_invalid_namesSpec() {
    assertThatThrownBy(() -> Maskers.parse("keep:x:1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keep:x:1");
    assertThatThrownBy(() -> Maskers.parse("hmac"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key");
    assertThatThrownBy(() -> Maskers.keep(-1, 2)).isInstanceOf(IllegalArgumentException.class);
  }
}
