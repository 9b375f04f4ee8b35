/**
 * Masking (脱敏): named, parameterised maskers and the default masker of each entity. Raw personal
 * data leaves Moat only masked unless the user explicitly asks for raw values.
 */
@NullMarked
package dev.moat.core.mask;

import org.jspecify.annotations.NullMarked;
