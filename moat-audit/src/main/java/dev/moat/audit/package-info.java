/**
 * A tamper-evident, append-only audit log: JSON events in CRC-framed segment files, an RFC 6962 /
 * RFC 9162 Merkle tree over them, C2SP signed-note checkpoints signed with Ed25519, inclusion and
 * consistency proofs, offline verification, retention with archives, and forwarding sinks. Start
 * with {@link dev.moat.audit.AuditLog}.
 */
@NullMarked
package dev.moat.audit;

import org.jspecify.annotations.NullMarked;
