/** The Docker Engine API check: the daemon's REST API reachable without TLS client auth. */
@NullMarked
package dev.moat.scan.check.docker;

import org.jspecify.annotations.NullMarked;
