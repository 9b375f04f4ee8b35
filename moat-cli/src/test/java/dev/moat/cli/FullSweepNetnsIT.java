package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moat.testing.LocalServer;
import dev.moat.testing.NetworkNamespace;
import dev.moat.testing.RedisServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code moat scan 127.0.0.1 -p-}: all 65,535 ports, inside a network namespace of its own where
 * only this test's three servers listen (never the machine's loopback, where other programs do).
 * The sweep must find exactly those three ports, recognise each service on its unusual port and
 * report what an unauthenticated instance deserves.
 */
final class FullSweepNetnsIT {
  private static final int REDIS = 40379;
  private static final int MEMCACHED = 41211;
  private static final int HTTP = 48080;

  @TempDir Path dir;

  @Test
  void allPorts_inOwnNamespace_findsExactlyItsServers() throws Exception {
    assumeTrue(NetworkNamespace.available(), "needs root and iproute2 (ip netns)");
    assumeTrue(LocalServer.installed("redis-server"), "redis-server");
    assumeTrue(LocalServer.installed("memcached"), "memcached");
    Path www = Files.createDirectories(dir.resolve("www"));
    Files.writeString(www.resolve("customers-2024.csv"), "name,mobile\n");
    try (NetworkNamespace ns = NetworkNamespace.create("moat-sweep-it")) {
      String[] redis = RedisServers.commandLine(REDIS);
      String[] redisInDir = java.util.Arrays.copyOf(redis, redis.length + 2);
      redisInDir[redis.length] = "--dir";
      redisInDir[redis.length + 1] = dir.toString();
      ns.start(dir.resolve("redis.log"), redisInDir);
      ns.start(
          dir.resolve("memcached.log"),
          "memcached",
          "-l",
          "127.0.0.1",
          "-p",
          String.valueOf(MEMCACHED),
          "-U",
          "0",
          "-u",
          "root");
      ns.start(
          dir.resolve("http.log"),
          "python3",
          "-m",
          "http.server",
          String.valueOf(HTTP),
          "--bind",
          "127.0.0.1",
          "--directory",
          www.toString());
      for (int port : new int[] {REDIS, MEMCACHED, HTTP}) {
        ns.awaitListening(port, Duration.ofSeconds(30));
      }

      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String jar = System.getProperty("moat.jar");
      assertThat(jar).as("system property moat.jar (set by Failsafe)").isNotNull();
      NetworkNamespace.Result r =
          ns.exec(
              Duration.ofMinutes(3),
              java,
              "-jar",
              jar,
              "scan",
              "127.0.0.1",
              "-p-",
              "--rate",
              "0",
              "--no-store",
              "--no-progress",
              "--format",
              "json",
              "--lang",
              "en");

      assertThat(r.code()).as(r.err()).isZero();
      JsonNode doc = new ObjectMapper().readTree(r.out());
      Map<Integer, String> services = new TreeMap<>();
      for (JsonNode s : doc.path("services")) {
        services.put(s.path("port").asInt(), s.path("service").asText());
      }
      assertThat(services)
          .as("every open port of the namespace, nothing else")
          .isEqualTo(Map.of(REDIS, "redis", MEMCACHED, "memcached", HTTP, "http"));
      TreeSet<String> checks = new TreeSet<>();
      doc.path("findings").forEach(f -> checks.add(f.path("check").asText()));
      assertThat(checks).contains("redis.no-auth", "memcached.no-auth", "dirlisting.enabled");
    }
  }
}
