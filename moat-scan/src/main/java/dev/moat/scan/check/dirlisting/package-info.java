/** The directory-listing check: web server auto-index pages (nginx, Apache, lighttpd, Python). */
@NullMarked
package dev.moat.scan.check.dirlisting;

import org.jspecify.annotations.NullMarked;
