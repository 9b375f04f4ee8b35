/**
 * Moat's domain model: findings, severities, data levels and categories. Engines in other modules
 * return these values; only the CLI and the console wire them to stores and renderers.
 */
@NullMarked
package dev.moat.core;

import org.jspecify.annotations.NullMarked;
