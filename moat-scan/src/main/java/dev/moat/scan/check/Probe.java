package dev.moat.scan.check;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One way to recognise a service: bytes to send on a fresh connection and a {@link Recogniser} for
 * the reply. A probe with an empty payload is a banner probe: it only listens, for services that
 * speak first (MySQL greeting, NATS {@code INFO}, FTP {@code 220}, SSH). Banner recognisers are
 * offered the bytes of every probe connection, since such a service greets every client.
 *
 * <p>The fingerprinter runs the payload probes concurrently, each on its own connection, and the
 * first match wins: the probes of checks whose default ports include the scanned port (and HTTP)
 * start first, the others right after. {@code order} decides the order in which probes are queued
 * when a port has more of them than it may open connections at once, and breaks no ties otherwise.
 * Pick an order near the built-in ones: HTTP 10, RESP 20, PostgreSQL 22, memcached 25, LDAP 27,
 * MongoDB 40, MQTT 50, AMQP 60, ZooKeeper 75, the rest 100+.
 *
 * <p>Payloads must be harmless to every other service too: no writes, no commands with side
 * effects, nothing that a confused server could act on.
 *
 * @param name short name for debugging, e.g. {@code resp-ping}
 * @param payload bytes to send; empty for a banner probe
 * @param order position among payload probes
 * @param recogniser the verdict on the reply
 */
@SuppressWarnings("ArrayRecordComponent") // cloned in and out
public record Probe(String name, byte[] payload, int order, Recogniser recogniser) {

  public Probe {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(recogniser, "recogniser");
    payload = payload.clone();
  }

  /** A banner probe: send nothing, recognise what the server says first. */
  public static Probe banner(String name, Recogniser recogniser) {
    return new Probe(name, new byte[0], 0, recogniser);
  }

  /** A payload probe. */
  public static Probe send(String name, byte[] payload, int order, Recogniser recogniser) {
    if (payload.length == 0) {
      throw new IllegalArgumentException("payload of probe " + name + " must not be empty");
    }
    return new Probe(name, payload, order, recogniser);
  }

  /** A payload probe with an ASCII payload. */
  public static Probe send(String name, String payload, int order, Recogniser recogniser) {
    return send(name, payload.getBytes(StandardCharsets.US_ASCII), order, recogniser);
  }

  /** True for a banner probe. */
  public boolean isBanner() {
    return payload.length == 0;
  }

  /** A copy of the payload. */
  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Probe p
        && p.name.equals(name)
        && p.order == order
        && java.util.Arrays.equals(p.payload, payload)
        && p.recogniser.equals(recogniser);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, order, java.util.Arrays.hashCode(payload), recogniser);
  }

  @Override
  public String toString() {
    return "Probe[" + name + ", order " + order + ", " + payload.length + " bytes]";
  }
}
