/**
 * Opening files as text: gzip is unwrapped by its magic bytes, binary content is recognised and
 * refused, and the character encoding (UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030) is
 * chosen from a prefix sample. Shared by {@code moat detect} and file discovery. And the other way:
 * text made safe and measured for a terminal ({@link dev.moat.core.text.TerminalText}).
 */
@NullMarked
package dev.moat.core.text;

import org.jspecify.annotations.NullMarked;
