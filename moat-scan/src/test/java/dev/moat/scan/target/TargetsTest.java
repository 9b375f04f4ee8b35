package dev.moat.scan.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TargetsTest {

  private static List<String> expand(List<String> targets, List<String> exclude, String ports) {
    List<String> out = new ArrayList<>();
    Targets.parse(targets, exclude)
        .endpoints(PortSet.parse(ports))
        .forEachRemaining(e -> out.add(e.host() + ":" + e.port()));
    return out;
  }

  @Test
  void cidr_v4_expandsEveryAddressAndPort() {
    assertThat(expand(List.of("10.1.2.0/31"), List.of(), "22,80"))
        .containsExactly("10.1.2.0:22", "10.1.2.0:80", "10.1.2.1:22", "10.1.2.1:80");
  }

  @Test
  void shortRange_coversLastOctet() {
    assertThat(expand(List.of("10.0.0.1-3"), List.of(), "1"))
        .containsExactly("10.0.0.1:1", "10.0.0.2:1", "10.0.0.3:1");
  }

  @Test
  void fullRange_crossesOctetBoundary() {
    assertThat(expand(List.of("10.0.0.255-10.0.1.1"), List.of(), "1"))
        .containsExactly("10.0.0.255:1", "10.0.1.0:1", "10.0.1.1:1");
  }

  @Test
  void hostPort_overridesPortSet() {
    assertThat(expand(List.of("127.0.0.1:6379"), List.of(), "1-100"))
        .containsExactly("127.0.0.1:6379");
  }

  @Test
  void url_givesDefaultPortAndHint() {
    Endpoint e =
        Targets.parse(List.of("https://127.0.0.1/app"), List.of()).endpoints(PortSet.all()).next();
    assertThat(e.port()).isEqualTo(443);
    assertThat(e.hint()).isEqualTo("https");
  }

  @Test
  void ipv6_cidrAndBracketedPort() {
    assertThat(expand(List.of("::/127"), List.of(), "5")).hasSize(2);
    assertThat(expand(List.of("[::1]:8080"), List.of(), "5"))
        .hasSize(1)
        .first()
        .asString()
        .endsWith(":8080");
  }

  @Test
  void exclude_removesAddresses() {
    assertThat(expand(List.of("10.0.0.0/30"), List.of("10.0.0.1-2"), "7"))
        .containsExactly("10.0.0.0:7", "10.0.0.3:7");
  }

  @Test
  void slash16TimesAllPorts_isCountedWithoutExpansion() {
    Targets t = Targets.parse(List.of("10.0.0.0/16"), List.of());
    assertThat(t.endpointCount(PortSet.all())).isEqualTo(BigInteger.valueOf(65536L * 65535L));
    Iterator<Endpoint> it = t.endpoints(PortSet.all());
    assertThat(it.next().port()).isEqualTo(1);
    assertThat(it.next().port()).isEqualTo(2);
  }

  @Test
  void badTargets_areRejectedWithTheirText() {
    assertThatThrownBy(() -> TargetSpec.parse("10.0.0.300")).hasMessageContaining("10.0.0.300");
    assertThatThrownBy(() -> TargetSpec.parse("10.0.0.0/33")).hasMessageContaining("/33");
    assertThatThrownBy(() -> TargetSpec.parse("10.0.0.9-3")).hasMessageContaining("go up");
    assertThatThrownBy(() -> TargetSpec.parse("2001:db8::/64")).hasMessageContaining("/96");
    assertThatThrownBy(() -> TargetSpec.parse("bad host!")).hasMessageContaining("bad host!");
    assertThatThrownBy(() -> TargetSpec.parse("127.0.0.1:0")).hasMessageContaining("port");
  }

  @Test
  void portSet_parsesListsRangesAndAll() {
    assertThat(PortSet.parse("22,80,1000-1002").stream()).containsExactly(22, 80, 1000, 1001, 1002);
    assertThat(PortSet.parse("-").size()).isEqualTo(65535);
    assertThatThrownBy(() -> PortSet.parse("70000")).hasMessageContaining("70000");
    assertThatThrownBy(() -> PortSet.parse("9-3")).hasMessageContaining("9-3");
  }

  @Test
  void badInput_toldInEnglishAndChinese() {
    assertThatThrownBy(() -> PortSet.parse("80,90-85"))
        .isInstanceOfSatisfying(
            TargetException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("port range must go up: 90-85");
              assertThat(e.message(java.util.Locale.SIMPLIFIED_CHINESE))
                  .isEqualTo("端口范围须从小到大：90-85");
            });
    assertThatThrownBy(() -> TargetSpec.parse("fe80::/64"))
        .isInstanceOfSatisfying(
            TargetException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("IPv6 blocks must be /96 or smaller: fe80::/64");
              assertThat(e.message(java.util.Locale.SIMPLIFIED_CHINESE))
                  .isEqualTo("IPv6 网段须为 /96 或更小：fe80::/64");
            });
  }

  @Test
  void everyMessage_hasAChineseText() throws Exception {
    java.util.Properties en = new java.util.Properties();
    java.util.Properties zh = new java.util.Properties();
    try (var a = TargetException.class.getResourceAsStream("Messages.properties");
        var b = TargetException.class.getResourceAsStream("Messages_zh_CN.properties")) {
      en.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
      zh.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(zh.keySet()).isEqualTo(en.keySet());
  }
}
