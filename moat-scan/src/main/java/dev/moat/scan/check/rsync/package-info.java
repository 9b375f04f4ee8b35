/** The rsync daemon check: modules that open without {@code auth users}. */
@NullMarked
package dev.moat.scan.check.rsync;

import org.jspecify.annotations.NullMarked;
