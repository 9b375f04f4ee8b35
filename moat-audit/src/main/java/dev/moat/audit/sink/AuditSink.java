package dev.moat.audit.sink;

import dev.moat.audit.Entry;
import java.io.IOException;
import java.util.List;

/**
 * A destination for audit entries (syslog, NATS JetStream; Kafka later). {@link #send} returns only
 * once the destination has taken every entry as far as it can confirm; it throws if any was not,
 * and the forwarder then sends the batch again (at-least-once).
 */
public interface AuditSink extends AutoCloseable {
  /** A stable name: the cursor file is {@code sinks/<name>.cursor}. */
  String name();

  /** Delivers {@code entries}, in index order, of the log with {@code origin}. */
  void send(String origin, List<Entry> entries) throws IOException;

  @Override
  void close() throws IOException;
}
