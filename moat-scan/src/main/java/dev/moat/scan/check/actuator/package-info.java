/** The Spring Boot Actuator check: management endpoints reachable without authentication. */
@NullMarked
package dev.moat.scan.check.actuator;

import org.jspecify.annotations.NullMarked;
