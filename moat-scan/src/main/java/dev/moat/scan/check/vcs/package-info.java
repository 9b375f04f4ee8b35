/** The exposed version-control metadata check: {@code .git} and {@code .svn} served over HTTP. */
@NullMarked
package dev.moat.scan.check.vcs;

import org.jspecify.annotations.NullMarked;
