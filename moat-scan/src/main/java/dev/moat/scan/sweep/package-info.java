/**
 * The TCP connect sweep: non-blocking connects multiplexed on one {@link
 * java.nio.channels.Selector}, bounded by a concurrency limit, a rate limit and a per-connect
 * timeout.
 */
@NullMarked
package dev.moat.scan.sweep;

import org.jspecify.annotations.NullMarked;
