/**
 * Scan targets: parsing of addresses, names, CIDR blocks (IPv4 and IPv6), ranges, {@code host:port}
 * and URLs, exclusions and port lists, and their lazy expansion into endpoints. A /16 times all
 * ports is never held in memory: expansion is an iterator.
 */
@NullMarked
package dev.moat.scan.target;

import org.jspecify.annotations.NullMarked;
