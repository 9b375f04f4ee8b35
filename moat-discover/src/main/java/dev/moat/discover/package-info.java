/**
 * Data discovery: sources (JDBC databases, Redis, files), samplers that read a small bounded sample
 * of each table, key space or file, and the column classifier that turns detector hits and
 * column-name hints into one entity, category and GB/T 43697 level per column. The scanner reuses
 * {@link dev.moat.discover.JdbcSampler} and {@link dev.moat.discover.RedisSampler} to show what an
 * open database exposes.
 */
@NullMarked
package dev.moat.discover;

import org.jspecify.annotations.NullMarked;
