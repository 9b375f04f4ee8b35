/**
 * Service fingerprinting on any port: the checks' protocol probes race each other on connections of
 * their own (the port's expected service and HTTP first, banners recognised on every connection),
 * the first match wins; then TLS and the probes again inside it.
 */
@NullMarked
package dev.moat.scan.fingerprint;

import org.jspecify.annotations.NullMarked;
