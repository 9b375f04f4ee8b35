package dev.moat.bench.audit;

import java.nio.charset.StandardCharsets;

/** Realistic ~300-byte gateway access events. */
final class AuditEvents {
  private AuditEvents() {}

  static byte[] event(long i) {
    String s =
        "{\"type\":\"data.access\",\"time\":\"2026-11-28T10:00:00.123Z\",\"subject\":\"hmac:7f3a9c"
            + Long.toHexString(i * 2654435761L)
            + "\",\"sourceIp\":\"10.12.3."
            + (i % 250)
            + "\",\"object\":\"crm.public.kehu.sfzh\",\"level\":\"important\",\"action\":\"read\","
            + "\"outcome\":\"allow\",\"policy\":\"pii-read-v7\",\"rows\":"
            + (i % 100)
            + ",\"requestId\":\"req-"
            + Long.toHexString(i)
            + "-0c4e2b\",\"route\":\"/api/v1/customers/{id}\"}";
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
