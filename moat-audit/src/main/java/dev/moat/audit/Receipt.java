package dev.moat.audit;

/**
 * Proof of a durable append: the record's index (its Merkle leaf number) and the time stored with
 * it. Once a receipt exists, the record is on disk; a later checkpoint signs it.
 */
public record Receipt(long index, long micros) {}
