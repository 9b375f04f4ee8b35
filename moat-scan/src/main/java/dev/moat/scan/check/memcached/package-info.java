/** The memcached check: {@code stats} answered without SASL or ASCII authentication. */
@NullMarked
package dev.moat.scan.check.memcached;

import org.jspecify.annotations.NullMarked;
