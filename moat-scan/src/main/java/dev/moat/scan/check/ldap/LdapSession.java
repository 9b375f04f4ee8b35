package dev.moat.scan.check.ldap;

import dev.moat.scan.check.Connection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A minimal LDAPv3 client session on one connection: anonymous bind, search, unbind. */
final class LdapSession {
  /** The LDAP result codes the check distinguishes. */
  static final int SUCCESS = 0;

  static final int SIZE_LIMIT_EXCEEDED = 4;

  private final Connection c;
  private int messageId = 1;

  /** One returned entry: its DN and attributes with their (string) values. */
  record Entry(String dn, Map<String, List<String>> attributes) {}

  /** A search's entries and the result code of SearchResultDone. */
  record SearchResult(List<Entry> entries, int resultCode) {}

  LdapSession(Connection c) {
    this.c = c;
  }

  /** Anonymous simple bind; returns the LDAP result code. */
  int bindAnonymously() throws IOException {
    byte[] bind =
        Ber.tlv(
            0x60,
            Ber.concat(Ber.integer(0x02, 3), Ber.string(0x04, ""), Ber.tlv(0x80, new byte[0])));
    send(bind);
    while (true) {
      Ber.Reader msg = Ber.readMessage(c);
      msg.integer();
      if (msg.peekTag() == 0x61) {
        return msg.next().integer() & 0xff;
      }
    }
  }

  /**
   * {@code (objectClass=*)} under {@code base} in {@code scope} (0 base, 2 subtree), at most {@code
   * sizeLimit} entries, aliases never dereferenced.
   */
  SearchResult search(String base, int scope, int sizeLimit, int timeLimitSeconds, String... attrs)
      throws IOException {
    List<byte[]> selection = new ArrayList<>();
    for (String a : attrs) {
      selection.add(Ber.string(0x04, a));
    }
    byte[] request =
        Ber.tlv(
            0x63,
            Ber.concat(
                Ber.string(0x04, base),
                Ber.integer(0x0a, scope),
                Ber.integer(0x0a, 0),
                Ber.integer(0x02, sizeLimit),
                Ber.integer(0x02, timeLimitSeconds),
                Ber.tlv(0x01, new byte[] {0}),
                Ber.tlv(0x87, "objectClass".getBytes(StandardCharsets.US_ASCII)),
                Ber.tlv(0x30, Ber.concat(selection.toArray(new byte[0][])))));
    send(request);
    List<Entry> entries = new ArrayList<>();
    for (int guard = 0; guard < 10_000; guard++) {
      Ber.Reader msg = Ber.readMessage(c);
      msg.integer();
      int op = msg.peekTag();
      Ber.Reader body = msg.next();
      if (op == 0x64) {
        entries.add(entry(body));
      } else if (op == 0x65) {
        return new SearchResult(entries, body.integer() & 0xff);
      }
      // 0x73 SearchResultReference and anything else: skip (referrals are not followed)
    }
    throw new IOException("LDAP search did not end");
  }

  /** Tells the server the session is over. */
  void unbind() {
    try {
      send(Ber.tlv(0x42, new byte[0]));
    } catch (IOException e) {
      // the connection closes either way
    }
  }

  private static Entry entry(Ber.Reader body) throws IOException {
    String dn = body.string();
    Map<String, List<String>> attrs = new LinkedHashMap<>();
    Ber.Reader list = body.next();
    while (list.hasMore()) {
      Ber.Reader attr = list.next();
      String type = attr.string();
      Ber.Reader vals = attr.next();
      List<String> values = new ArrayList<>();
      while (vals.hasMore()) {
        values.add(new String(vals.next().bytes(), StandardCharsets.UTF_8));
      }
      attrs.put(type, values);
    }
    return new Entry(dn, attrs);
  }

  private void send(byte[] protocolOp) throws IOException {
    c.write(Ber.tlv(0x30, Ber.concat(Ber.integer(0x02, messageId++), protocolOp)));
  }
}
