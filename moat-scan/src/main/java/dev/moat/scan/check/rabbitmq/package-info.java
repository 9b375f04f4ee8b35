/**
 * RabbitMQ (and other AMQP 0-9-1 brokers): recognised by the Connection.Start answering the
 * protocol header; open when the factory account {@code guest/guest} logs in over AMQP.
 */
@NullMarked
package dev.moat.scan.check.rabbitmq;

import org.jspecify.annotations.NullMarked;
