/**
 * MQTT: recognised by the CONNACK to a CONNECT; open when an anonymous CONNECT is accepted and a
 * subscription to the broker's own version topic is granted.
 */
@NullMarked
package dev.moat.scan.check.mqtt;

import org.jspecify.annotations.NullMarked;
