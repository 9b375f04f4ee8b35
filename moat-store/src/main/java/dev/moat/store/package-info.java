/**
 * Moat's persistent store: data sources, tables and columns found by discovery with each run's
 * results, and scan runs with their findings. A SQLite file by default, PostgreSQL for teams;
 * schema managed by Flyway, access through JDBI.
 */
@NullMarked
package dev.moat.store;

import org.jspecify.annotations.NullMarked;
