/**
 * Test fixtures: real servers (redis-server, postgres, mariadbd, mosquitto …) started on loopback
 * for integration tests, free-port allocation, and a deadline-based poller so no test sleeps.
 */
@NullMarked
package dev.moat.testing;

import org.jspecify.annotations.NullMarked;
