/** The FTP check: anonymous login accepted and the root listing readable. */
@NullMarked
package dev.moat.scan.check.ftp;

import org.jspecify.annotations.NullMarked;
