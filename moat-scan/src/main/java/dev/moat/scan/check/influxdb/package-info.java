/** The InfluxDB 1.x check: InfluxQL queries answered with {@code auth-enabled = false}. */
@NullMarked
package dev.moat.scan.check.influxdb;

import org.jspecify.annotations.NullMarked;
