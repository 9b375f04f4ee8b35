/**
 * NATS: recognised by the {@code INFO} line the server sends first; open when {@code CONNECT}
 * without credentials is answered by {@code PONG}.
 */
@NullMarked
package dev.moat.scan.check.nats;

import org.jspecify.annotations.NullMarked;
