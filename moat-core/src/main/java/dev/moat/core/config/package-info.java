/**
 * Moat's configuration model: immutable records, one per section of {@code moat.yaml}, each
 * validated when built with messages that name the key, the rule and the bad value. Secrets appear
 * only as {@link dev.moat.core.config.SecretRef references}; parsing the file is the CLI's job.
 */
@NullMarked
package dev.moat.core.config;

import org.jspecify.annotations.NullMarked;
