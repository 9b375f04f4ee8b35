package dev.moat.scan.check.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.core.Auth;
import dev.moat.scan.PortResult;
import dev.moat.scan.ScanTesting;
import dev.moat.testing.LocalServer;
import dev.moat.testing.SlapdServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real OpenLDAP slapd 2.5: read-for-everyone ACL, and anonymous-auth-only ACL. */
final class LdapCheckIT {
  private static LocalServer open;
  private static LocalServer locked;

  @BeforeAll
  static void start() {
    open = SlapdServers.open();
    locked = SlapdServers.locked();
  }

  @AfterAll
  static void stop() {
    open.close();
    locked.close();
  }

  @Test
  void anonymousReadableDirectory_isFoundWithMaskedExposure() {
    PortResult r = ScanTesting.inspect(open.port());

    assertThat(r.service().service()).isEqualTo("ldap");
    assertThat(r.service().auth()).as("errors: %s", r.errors()).isEqualTo(Auth.NONE);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("ldap.anonymous");
              assertThat(f.exposure()).containsEntry("CN_MOBILE", 1);
              String evidence = String.join("\n", f.evidence());
              assertThat(evidence).contains("dc=example,dc=com", "uid=z***,ou=people");
              assertThat(evidence).doesNotContain("13812345678", "zhangsan,");
            });
  }

  @Test
  void rootDseOnly_isRequiredWithNoFinding() {
    PortResult r = ScanTesting.inspect(locked.port());

    assertThat(r.service().service()).isEqualTo("ldap");
    assertThat(r.service().auth()).as("errors: %s", r.errors()).isEqualTo(Auth.REQUIRED);
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void redactDn_masksTheLeafValueOnly() {
    assertThat(LdapCheck.redactDn("cn=张三,ou=people,dc=x")).isEqualTo("cn=张***,ou=people,dc=x");
  }
}
