/**
 * The {@code moat} command line: picocli commands, config loading and the wiring of engines to
 * stores and renderers. The only {@code main} in Moat lives here, and so does the single place
 * where exceptions become exit codes and one-line messages in the user's language.
 */
@NullMarked
package dev.moat.cli;

import org.jspecify.annotations.NullMarked;
