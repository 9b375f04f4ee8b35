package dev.moat.scan.check.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.scan.check.Recognition;
import org.junit.jupiter.api.Test;

final class LdapCheckTest {
  @Test
  void recognise_bindResponse_isLdap() {
    byte[] reply = {
      0x30, 0x0c, 0x02, 0x01, 0x01, 0x61, 0x07, 0x0a, 0x01, 0x00, 0x04, 0x00, 0x04, 0x00
    };
    assertThat(LdapCheck.recognise(reply, reply.length, false))
        .isInstanceOf(Recognition.Match.class);
  }

  @Test
  void recognise_longFormLengthBindResponse_isLdap() {
    byte[] reply = {0x30, (byte) 0x84, 0, 0, 0, 0x0c, 0x02, 0x01, 0x01, 0x61};
    assertThat(LdapCheck.recognise(reply, reply.length, false))
        .isInstanceOf(Recognition.Match.class);
  }

  @Test
  void recognise_httpReply_isNoMatch() {
    byte[] reply = "HTTP/1.1 400 Bad Request".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(LdapCheck.recognise(reply, reply.length, false)).isEqualTo(Recognition.NO);
  }

  @Test
  void berRoundTrip_longValues_keepTheirLength() throws Exception {
    byte[] value = new byte[300];
    byte[] tlv = Ber.tlv(0x04, value);
    assertThat(tlv[1] & 0xff).isEqualTo(0x82);
    Ber.Reader r = new Ber.Reader(tlv);
    assertThat(r.next().bytes()).hasSize(300);
  }
}
