/**
 * Classification: maps each entity to its PIPL / GB/T 35273 category and GB/T 43697 level. The
 * mapping is data (a resource file), not code.
 */
@NullMarked
package dev.moat.core.classify;

import org.jspecify.annotations.NullMarked;
