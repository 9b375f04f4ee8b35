/** The Docker Registry (distribution v2 API) check: catalog and pulls without authentication. */
@NullMarked
package dev.moat.scan.check.dockerregistry;

import org.jspecify.annotations.NullMarked;
