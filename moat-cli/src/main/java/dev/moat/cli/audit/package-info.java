/**
 * The {@code moat audit} commands: append, checkpoint, verify, prove, tail, search and rotate-key
 * over a {@code moat-audit} log directory.
 */
@NullMarked
package dev.moat.cli.audit;

import org.jspecify.annotations.NullMarked;
