package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moat.testing.LocalServer;
import dev.moat.testing.RedisServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./moat} launcher as a user runs it, on a copy of the repository's launcher and the
 * built jar in a directory of their own: its class-data-sharing archive for {@code scan} is made by
 * the training run, then completed from what real scans load, and runs stop listing once a list
 * adds nothing. Every run's output is the scan's own, whatever the launcher does around it.
 */
final class LauncherIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalServer redis;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    redis = RedisServers.open();
  }

  @AfterAll
  static void stop() {
    redis.close();
  }

  @Test
  void scan_archiveLearnsFromRealScansThenStopsListing() throws Exception {
    Path target = install();
    Path jsa = target.resolve("moat-scan.jsa");
    Path classes = target.resolve("moat-scan.classes");

    // first run: the training makes the archive; this run is its twin and lists nothing
    Launch empty = launch("scan", "127.0.0.1", "--exclude", "127.0.0.1", "-p", "1");
    assertThat(empty.code).as(empty.err).isZero();
    assertThat(jsa).exists();
    assertThat(classes).exists();
    assertThat(runLists(target)).isEmpty();
    long trained = Files.size(classes);

    // a real scan lists what it loads
    Launch first = scanRedis();
    assertThat(runLists(target)).containsExactly(target.resolve("moat-scan.run." + first.pid));

    // the next start folds that list in and remakes the archive in the background
    FileTime before = Files.getLastModifiedTime(jsa);
    Launch second = scanRedis();
    assertThat(Files.size(classes)).isGreaterThan(trained);
    assertThat(runLists(target)).containsExactly(target.resolve("moat-scan.run." + second.pid));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (Files.getLastModifiedTime(jsa).equals(before) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(Files.getLastModifiedTime(jsa)).as("archive remade").isNotEqualTo(before);
    waitForNoTemporaryArchive(target);

    // a list that adds nothing (the second's, unless that run took a path the first did not):
    // learned, and that run is not listed
    for (int i = 0; i < 4 && !Files.exists(target.resolve("moat-scan.learned")); i++) {
      waitForNoTemporaryArchive(target);
      scanRedis();
    }
    assertThat(target.resolve("moat-scan.learned")).exists();
    assertThat(runLists(target)).isEmpty();
    long learnedSize = Files.size(classes);

    // a learned launcher lists and folds nothing more
    scanRedis();
    assertThat(runLists(target)).isEmpty();
    assertThat(Files.size(classes)).isEqualTo(learnedSize);
  }

  /** Scans the Redis server through the launcher; the report must be the scan's whole output. */
  private Launch scanRedis() throws Exception {
    Launch r = launch("scan", "127.0.0.1", "-p", String.valueOf(redis.port()));
    assertThat(r.code).as(r.err).isZero();
    JsonNode doc = JSON.readTree(r.out);
    assertThat(doc.get("services")).hasSize(1);
    assertThat(doc.get("services").get(0).get("service").asText()).isEqualTo("redis");
    assertThat(doc.get("findings").get(0).get("check").asText()).isEqualTo("redis.no-auth");
    return r;
  }

  /** Copies the launcher and the built jar into the layout the launcher expects. */
  private Path install() throws IOException {
    String jar = System.getProperty("moat.jar");
    assertThat(jar).as("system property moat.jar (set by Failsafe)").isNotNull();
    Path built = Path.of(jar).toAbsolutePath();
    Path launcher = built.getParent().getParent().getParent().resolve("moat");
    assertThat(launcher).exists();
    Path target = Files.createDirectories(dir.resolve("moat-cli/target"));
    Files.copy(launcher, dir.resolve("moat"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(built, target.resolve("moat.jar"), StandardCopyOption.COPY_ATTRIBUTES);
    return target;
  }

  private record Launch(int code, long pid, String out, String err) {}

  private Launch launch(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(dir.resolve("moat").toString(), "--lang", "en"));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--no-store", "--no-progress", "--format", "json"));
    Path out = dir.resolve("out.json");
    Path err = dir.resolve("err.txt");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().remove("MOAT_JAVA_OPTS");
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
    return new Launch(
        p.exitValue(),
        p.pid(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static List<Path> runLists(Path target) throws IOException {
    try (Stream<Path> s = Files.list(target)) {
      return s.filter(p -> p.getFileName().toString().startsWith("moat-scan.run.")).toList();
    }
  }

  /**
   * Waits until no background remake is under way: it writes {@code moat-scan.jsa.PID.classlist},
   * then {@code moat-scan.jsa.PID}, and renames the latter into place.
   */
  private static void waitForNoTemporaryArchive(Path target) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try (Stream<Path> s = Files.list(target)) {
        if (s.noneMatch(p -> p.getFileName().toString().matches("moat-scan\\.jsa\\.[0-9]+.*"))) {
          return;
        }
      }
      Thread.sleep(100);
    }
  }
}
