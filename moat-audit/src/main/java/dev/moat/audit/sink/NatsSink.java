package dev.moat.audit.sink;

import dev.moat.audit.Entry;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes entries to a NATS JetStream subject and waits for every publish acknowledgement. Each
 * message carries {@code Nats-Msg-Id: <origin>/<index>}, so JetStream drops the duplicates that
 * at-least-once resending produces (within the stream's duplicate window), and headers {@code
 * Moat-Audit-Origin} and {@code Moat-Audit-Index}. The stream must exist (an operator decision:
 * retention, replicas); a missing stream is an error, not created silently.
 *
 * <p>Needs {@code io.nats:jnats} on the class path (an optional dependency of moat-audit).
 */
public final class NatsSink implements AuditSink {
  private final String name;
  private final String subject;
  private final Connection connection;
  private final JetStream js;

  private NatsSink(String name, String subject, Connection connection) throws IOException {
    this.name = name;
    this.subject = subject;
    this.connection = connection;
    this.js = connection.jetStream();
  }

  /** Connects to {@code url} (e.g. {@code nats://127.0.0.1:4222}) to publish on {@code subject}. */
  public static NatsSink connect(String url, String subject) throws IOException {
    try {
      Connection c =
          Nats.connect(
              new Options.Builder().server(url).connectionTimeout(Duration.ofSeconds(5)).build());
      return new NatsSink("nats-" + subject.replaceAll("[^A-Za-z0-9_.-]", "_"), subject, c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while connecting to " + url, e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(String origin, List<Entry> entries) throws IOException {
    List<CompletableFuture<PublishAck>> acks = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      Headers h = new Headers();
      h.add("Nats-Msg-Id", origin + "/" + e.index());
      h.add("Moat-Audit-Origin", origin);
      h.add("Moat-Audit-Index", Long.toString(e.index()));
      acks.add(
          js.publishAsync(
              NatsMessage.builder()
                  .subject(subject)
                  .headers(h)
                  .data(e.json().getBytes(StandardCharsets.UTF_8))
                  .build()));
    }
    try {
      for (CompletableFuture<PublishAck> a : acks) {
        a.get(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for JetStream acknowledgements", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(
          "JetStream did not acknowledge a publish on " + subject + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
