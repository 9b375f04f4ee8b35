/** The etcd check: the v3 key space (JSON gateway) or the v2 keys API readable without auth. */
@NullMarked
package dev.moat.scan.check.etcd;

import org.jspecify.annotations.NullMarked;
