/**
 * The Prometheus check: the server's HTTP API and exporters' {@code /metrics} readable without
 * authentication (information disclosure: scrape targets, host facts).
 */
@NullMarked
package dev.moat.scan.check.prometheus;

import org.jspecify.annotations.NullMarked;
