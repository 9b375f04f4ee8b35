/**
 * Forwarding of audit entries to central collection: an {@link dev.moat.audit.sink.AuditSink}
 * interface, syslog (RFC 5424 over UDP or TCP) and NATS JetStream implementations, and a forwarder
 * that keeps a local cursor for at-least-once delivery.
 */
@NullMarked
package dev.moat.audit.sink;

import org.jspecify.annotations.NullMarked;
