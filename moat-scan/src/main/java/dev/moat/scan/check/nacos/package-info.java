/** The Nacos check: user list and configuration readable without auth, and CVE-2021-29441. */
@NullMarked
package dev.moat.scan.check.nacos;

import org.jspecify.annotations.NullMarked;
