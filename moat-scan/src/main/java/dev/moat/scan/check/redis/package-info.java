/**
 * Redis: recognised by a RESP {@code PING}; open when {@code INFO} answers without credentials.
 * Samples a few keys through moat-discover's RedisSampler (SCAN, TYPE, GETRANGE, HSCAN …).
 */
@NullMarked
package dev.moat.scan.check.redis;

import org.jspecify.annotations.NullMarked;
