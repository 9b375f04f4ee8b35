/**
 * Redis: recognised by a RESP {@code PING}; open when {@code INFO} answers without credentials.
 * Samples a few keys with read-only commands (SCAN, TYPE, GETRANGE, HSCAN, LRANGE, SSCAN, ZRANGE).
 */
@NullMarked
package dev.moat.scan.check.redis;

import org.jspecify.annotations.NullMarked;
