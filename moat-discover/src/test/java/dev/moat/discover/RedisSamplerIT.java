package dev.moat.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.testing.LocalServer;
import dev.moat.testing.PersonalData;
import dev.moat.testing.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Against a redis-server of its own on a free loopback port: hashes, strings, JSON, lists, sets.
 */
final class RedisSamplerIT {
  static LocalServer redis;
  static LocalServer secured;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("moat-redis");
    int port = Ports.free();
    redis =
        LocalServer.builder("redis")
            .port(port)
            .workDir(dir)
            .command(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no")
            .start();
    int port2 = Ports.free();
    secured =
        LocalServer.builder("redis-auth")
            .port(port2)
            .workDir(dir)
            .command(
                "redis-server",
                "--port",
                Integer.toString(port2),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--requirepass",
                "Secr3t-pw")
            .start();
    try (Jedis j = new Jedis("127.0.0.1", port)) {
      int i = 0;
      for (Map<String, String> row : PersonalData.rows(150, 21)) {
        j.hset("user:" + (1000 + i), row);
        j.set(
            "session:" + i,
            "{\"user\":{\"mobile\":\""
                + row.get("mobile")
                + "\",\"sfzh\":\""
                + row.get("sfzh")
                + "\"},\"ts\":"
                + row.get("created_ts")
                + "}");
        j.set("sms:code:" + row.get("mobile"), row.get("mobile"));
        j.rpush("queue:" + (i % 3), row.get("email"));
        j.sadd("blacklist", row.get("id_card"));
        i++;
      }
    }
  }

  @AfterAll
  static void stop() {
    redis.close();
    secured.close();
  }

  static SampleResult sample() {
    return RedisSampler.of(RedisTarget.parse("redis://127.0.0.1:" + redis.port() + "/0"))
        .sample(new SampleLimits(50, 100, Duration.ofSeconds(10), 1, List.of(), List.of()));
  }

  @Test
  void sample_hashesAsTables_everyFieldClassified() {
    SampleResult r = sample();
    assertThat(r.problems()).isEmpty();
    assertThat(r.tables())
        .extracting(TableSample::table)
        .contains("user:*", "session:*", "sms:code:*", "queue:*", "blacklist");
    TableSample users =
        r.tables().stream().filter(t -> t.table().equals("user:*")).findFirst().orElseThrow();
    assertThat(users.rows()).isEqualTo(150);
    assertThat(users.sampled()).isEqualTo(50);
    Expect.everyColumn(r, "user:*", k -> k);
  }

  @Test
  void sample_jsonStringsAndLists_fieldPathsAndFreeText() {
    SampleResult r = sample();
    List<InventoryColumn> cols =
        new Discovery(
                ColumnClassifier.standard(), SampleLimits.defaults(), java.time.Clock.systemUTC())
            .classify(r, java.time.Instant.now());
    assertThat(cols)
        .filteredOn(c -> c.table().equals("session:*"))
        .extracting(c -> c.column() + "=" + c.entity())
        .contains("user.mobile=CN_MOBILE", "user.sfzh=CN_RESIDENT_ID", "ts=null");
    assertThat(cols)
        .filteredOn(c -> c.table().equals("queue:*"))
        .extracting(InventoryColumn::entity)
        .containsExactly("EMAIL");
    assertThat(cols)
        .filteredOn(c -> c.table().equals("blacklist"))
        .extracting(InventoryColumn::entity)
        .containsExactly("CN_RESIDENT_ID");
  }

  @Test
  void sample_passwordRequired_authProblem() {
    SampleResult none =
        RedisSampler.of(RedisTarget.of("127.0.0.1", secured.port()))
            .sample(SampleLimits.small(5, 5));
    assertThat(none.failed()).isTrue();
    assertThat(none.problems().get(0).kind()).isEqualTo(Problem.Kind.AUTH);
    SampleResult ok =
        RedisSampler.of(RedisTarget.parse("redis://:Secr3t-pw@127.0.0.1:" + secured.port()))
            .sample(SampleLimits.small(5, 5));
    assertThat(ok.failed()).isFalse();
    assertThat(ok.source()).doesNotContain("Secr3t");
  }

  @Test
  void pattern_idSegments_replacedByStar() {
    assertThat(RedisSampler.pattern("user:1001:profile")).isEqualTo("user:*:profile");
    assertThat(RedisSampler.pattern("order_2024")).isEqualTo("order_*");
    assertThat(RedisSampler.pattern("blacklist")).isEqualTo("blacklist");
  }
}
