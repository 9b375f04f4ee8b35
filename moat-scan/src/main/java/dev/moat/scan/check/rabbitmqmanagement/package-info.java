/** The RabbitMQ management API check: the HTTP API with the factory account guest/guest. */
@NullMarked
package dev.moat.scan.check.rabbitmqmanagement;

import org.jspecify.annotations.NullMarked;
