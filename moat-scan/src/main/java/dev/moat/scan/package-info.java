/**
 * {@code moat scan}'s engine: targets are expanded lazily, swept with non-blocking connects, every
 * open port is fingerprinted and the read-only checks of {@link dev.moat.scan.check} run on it. The
 * result is a {@link dev.moat.core.ScanReport}.
 */
@NullMarked
package dev.moat.scan;

import org.jspecify.annotations.NullMarked;
