package dev.moat.scan.check.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.core.Severity;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.scan.check.Recognition;
import dev.moat.testing.LocalServer;
import dev.moat.testing.VsftpdServers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real vsftpd 3.0.3 with anonymous_enable=YES and =NO. */
final class FtpCheckIT {
  private static LocalServer open;
  private static LocalServer locked;

  @BeforeAll
  static void start() {
    open = VsftpdServers.start(true);
    locked = VsftpdServers.start(false);
  }

  @AfterAll
  static void stop() {
    open.close();
    locked.close();
  }

  @Test
  void anonymousVsftpd_isFtpWithListingEvidence() {
    PortResult r = ScanTesting.inspect(open.port());

    assertThat(r.service().service()).isEqualTo("ftp");
    assertThat(r.service().product()).isEqualTo("vsFTPd");
    assertThat(r.service().version()).isEqualTo("3.0.3");
    assertThat(r.service().auth()).isEqualTo(Auth.NONE);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("ftp.anonymous");
              assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
              assertThat(f.evidence()).anyMatch(e -> e.startsWith("NLST: [pub]"));
            });
  }

  @Test
  void anonymousDisabled_isRequiredWithNoFinding() {
    PortResult r = ScanTesting.inspect(locked.port());

    assertThat(r.service().service()).isEqualTo("ftp");
    assertThat(r.service().auth()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void recognise_smtpGreeting_isNoMatch() {
    byte[] smtp = "220 mail.example ESMTP Postfix\r\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(FtpCheck.recognise(smtp, smtp.length, false)).isEqualTo(Recognition.NO);
  }
}
