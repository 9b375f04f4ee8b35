/** The CouchDB check: database list and documents readable without authentication. */
@NullMarked
package dev.moat.scan.check.couchdb;

import org.jspecify.annotations.NullMarked;
