/**
 * Service fingerprinting on any port: banner first, then the checks' protocol probes in order (the
 * port's expected service first), then TLS and the probes again inside it.
 */
@NullMarked
package dev.moat.scan.fingerprint;

import org.jspecify.annotations.NullMarked;
