package dev.moat.testing;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A private RabbitMQ node (Debian {@code rabbitmq-server}) with the management plugin, its HTTP API
 * on a free loopback port and no AMQP listener. It is a node of its own — own node name, Mnesia
 * directory, Erlang cookie ({@code HOME}), plugins file, config and distribution port (bound to
 * loopback) — so the machine's shared broker on 5672 is neither touched nor reconfigured; only the
 * shared {@code epmd} learns one more node name. The accounts are RabbitMQ's stock ones: {@code
 * guest/guest}, an administrator, usable from loopback only. Boots in 10–20 s.
 */
public final class RabbitMqServers {
  private static final String SERVER = "/usr/lib/rabbitmq/bin/rabbitmq-server";

  private RabbitMqServers() {}

  /** A node with {@code rabbitmq_management} enabled; {@link LocalServer#port()} is the API. */
  public static LocalServer management() {
    ServerFiles.require(SERVER, "rabbitmq-server");
    Path dir = ServerFiles.tempDir("rabbitmq");
    LocalServer.Builder b = LocalServer.builder("rabbitmq-management").workDir(dir);
    int dist = Ports.free();
    ServerFiles.write(dir.resolve("enabled_plugins"), "[rabbitmq_management].\n");
    ServerFiles.write(
        dir.resolve("rabbitmq.conf"),
        String.join(
            "\n",
            "listeners.tcp = none",
            "management.tcp.ip = " + Ports.LOOPBACK,
            "management.tcp.port = " + b.port(),
            ""));
    return b.command(SERVER)
        .env("HOME", dir.toString())
        .env("RABBITMQ_NODENAME", "moat-test-" + b.port() + "@localhost")
        .env("RABBITMQ_DIST_PORT", String.valueOf(dist))
        .env("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}")
        .env("RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString())
        .env("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq").toString())
        .env("RABBITMQ_ADVANCED_CONFIG_FILE", dir.resolve("advanced.config").toString())
        .env("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString())
        .env("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString())
        .env("RABBITMQ_LOG_BASE", dir.resolve("log").toString())
        .env("RABBITMQ_PID_FILE", dir.resolve("rabbitmq.pid").toString())
        // makes the script exec the Erlang VM instead of forking it, so closing the server stops
        // the node itself (SIGTERM: a clean shutdown) rather than only the wrapper shell
        .env("RUNNING_UNDER_SYSTEMD", "true")
        .startTimeout(Duration.ofSeconds(90))
        .start();
  }
}
