package dev.moat.scan.check.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.scan.check.Identity;
import dev.moat.scan.check.Recognition;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class SshCheckTest {
  private static Recognition of(String s, boolean closed) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    return SshCheck.recognise(b, b.length, closed);
  }

  @Test
  void openSshBanner_givesProductAndVersion() {
    assertThat(of("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n", false))
        .isEqualTo(Recognition.match(new Identity("ssh", "OpenSSH", "9.2p1")));
  }

  @Test
  void otherBanners_areRejected_partialAsksForMore() {
    assertThat(of("220 ProFTPD ready\r\n", false)).isEqualTo(Recognition.NO);
    assertThat(of("SSH-2.0-Open", false)).isEqualTo(Recognition.MORE);
  }
}
