/**
 * The ZooKeeper check: the znode tree readable without credentials, proven with a Jute session and
 * {@code getChildren("/")}; four-letter words only identify the server (the 3.5.3+ whitelist
 * answers "not executed" to anything but {@code srvr}).
 */
@NullMarked
package dev.moat.scan.check.zookeeper;

import org.jspecify.annotations.NullMarked;
