/**
 * PostgreSQL: recognised by the answer to an SSLRequest; open when a StartupMessage for user {@code
 * postgres} gets AuthenticationOk without a password (a {@code trust} line in pg_hba.conf). Tables
 * are sampled through moat-discover's JdbcSampler in read-only transactions.
 */
@NullMarked
package dev.moat.scan.check.postgresql;

import org.jspecify.annotations.NullMarked;
