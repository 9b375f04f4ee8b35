package dev.moat.scan.check.rsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.scan.check.Recognition;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class RsyncCheckTest {
  @Test
  void recognise_greeting_isRsync() {
    byte[] b = "@RSYNCD: 32.0 sha512 sha256\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(RsyncCheck.recognise(b, b.length, false)).isInstanceOf(Recognition.Match.class);
  }

  @Test
  void recognise_partialGreeting_needsMore_otherBanner_isNoMatch() {
    byte[] partial = "@RSY".getBytes(StandardCharsets.US_ASCII);
    assertThat(RsyncCheck.recognise(partial, partial.length, false)).isEqualTo(Recognition.MORE);
    byte[] ssh = "SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(RsyncCheck.recognise(ssh, ssh.length, false)).isEqualTo(Recognition.NO);
  }
}
