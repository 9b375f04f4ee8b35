/**
 * MySQL and MariaDB: recognised by the server greeting (protocol 10, or an ERR packet naming the
 * product); open when {@code root} or the anonymous user logs in with an empty password. Tables are
 * sampled through moat-discover's JdbcSampler.
 */
@NullMarked
package dev.moat.scan.check.mysql;

import org.jspecify.annotations.NullMarked;
