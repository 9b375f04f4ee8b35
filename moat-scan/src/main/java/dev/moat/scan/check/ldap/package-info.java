/**
 * The LDAP check: an anonymous bind that can read entries under the naming contexts (the rootDSE
 * alone is public by RFC 4512 and is not a finding).
 */
@NullMarked
package dev.moat.scan.check.ldap;

import org.jspecify.annotations.NullMarked;
