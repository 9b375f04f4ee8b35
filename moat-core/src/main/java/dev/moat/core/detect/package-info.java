/**
 * The sensitive-data detection engine: finds personal and important data (resident ID numbers,
 * mobile numbers, bank cards, credit codes, keys …) in text, streams and field values, validates
 * each candidate (checksums, dates, allocation ranges) and rates it with a {@link
 * dev.moat.core.detect.Confidence}.
 */
@NullMarked
package dev.moat.core.detect;

import org.jspecify.annotations.NullMarked;
