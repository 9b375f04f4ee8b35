/** The Tomcat Manager check: the manager application accepting a factory-default password. */
@NullMarked
package dev.moat.scan.check.tomcat;

import org.jspecify.annotations.NullMarked;
