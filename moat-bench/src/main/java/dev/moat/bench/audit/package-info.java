/** Benchmarks of the audit log: group-commit appends, verification and proofs. */
@NullMarked
package dev.moat.bench.audit;

import org.jspecify.annotations.NullMarked;
