/**
 * Helpers shared by the checks of products that speak HTTP (etcd, InfluxDB, Docker, Kubernetes,
 * CouchDB, Actuator …): a GET that never throws on a refused or broken port, bounded JSON parsing,
 * and the catch-all baseline that keeps a server answering 200 to every path from producing
 * findings.
 */
@NullMarked
package dev.moat.scan.check.web;

import org.jspecify.annotations.NullMarked;
