package dev.moat.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * OpenLDAP {@code slapd} (Debian {@code slapd}) with a temporary {@code slapd.conf} and an MDB
 * database under {@code dc=example,dc=com}, loaded with {@code slapadd} (one person with a mail
 * address and a mobile number). Open: {@code access to * by * read}. Locked: the rootDSE stays
 * readable (as RFC 4512 expects) but everything else is {@code by anonymous auth}.
 */
public final class SlapdServers {
  /** The naming context of the test directory. */
  public static final String SUFFIX = "dc=example,dc=com";

  private static final String DATA =
      """
      dn: dc=example,dc=com
      objectClass: dcObject
      objectClass: organization
      o: Example
      dc: example

      dn: ou=people,dc=example,dc=com
      objectClass: organizationalUnit
      ou: people

      dn: uid=zhangsan,ou=people,dc=example,dc=com
      objectClass: inetOrgPerson
      uid: zhangsan
      cn: 张三
      sn: 张
      mail: zhangsan@example.com
      mobile: 13812345678
      """;

  private SlapdServers() {}

  /** Anonymous users may read everything. */
  public static LocalServer open() {
    return start("access to * by * read\n");
  }

  /** Anonymous users may only bind (authenticate) and read the rootDSE. */
  public static LocalServer locked() {
    return start(
        """
        access to dn.base="" by * read
        access to dn.base="cn=Subschema" by * read
        access to * by anonymous auth by users read
        """);
  }

  private static LocalServer start(String acl) {
    ServerFiles.require("slapd", "slapd");
    Path dir = ServerFiles.tempDir("slapd");
    ServerFiles.write(dir.resolve("db/.keep"), "");
    Path conf =
        ServerFiles.write(
            dir.resolve("slapd.conf"),
            String.join(
                    "\n",
                    "include /etc/ldap/schema/core.schema",
                    "include /etc/ldap/schema/cosine.schema",
                    "include /etc/ldap/schema/inetorgperson.schema",
                    "pidfile " + dir.resolve("slapd.pid"),
                    "modulepath /usr/lib/ldap",
                    "moduleload back_mdb",
                    "database mdb",
                    "maxsize 10485760",
                    "suffix \"" + SUFFIX + "\"",
                    "rootdn \"cn=admin," + SUFFIX + "\"",
                    "rootpw s3cret-admin",
                    "directory " + dir.resolve("db"),
                    "")
                + acl);
    Path ldif = ServerFiles.write(dir.resolve("data.ldif"), DATA);
    ServerFiles.run(
        Duration.ofSeconds(30), List.of("slapadd", "-f", conf.toString(), "-l", ldif.toString()));
    LocalServer.Builder b = LocalServer.builder("slapd").workDir(dir);
    return b.command(
            "slapd",
            "-f",
            conf.toString(),
            "-h",
            "ldap://" + Ports.LOOPBACK + ":" + b.port() + "/",
            "-d",
            "0")
        .start();
  }
}
