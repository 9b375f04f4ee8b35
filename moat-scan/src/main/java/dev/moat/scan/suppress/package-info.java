/**
 * Suppressions: accepted findings, each with a reason and an expiry date, so that {@code --fail-on}
 * can gate a CI pipeline without silencing new problems. An expired suppression stops applying and
 * is reported.
 */
@NullMarked
package dev.moat.scan.suppress;

import org.jspecify.annotations.NullMarked;
