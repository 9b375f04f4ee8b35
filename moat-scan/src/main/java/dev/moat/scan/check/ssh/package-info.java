/** SSH: recognised by its {@code SSH-2.0-…} banner; identification only, no access check. */
@NullMarked
package dev.moat.scan.check.ssh;

import org.jspecify.annotations.NullMarked;
