/**
 * MongoDB: recognised by the OP_MSG reply to {@code hello}; open when {@code listDatabases} answers
 * without authentication. OP_MSG only: MongoDB 6 rejects the legacy OP_QUERY commands.
 */
@NullMarked
package dev.moat.scan.check.mongodb;

import org.jspecify.annotations.NullMarked;
