package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fat jar on the newest JDK installed beside the build's (Temurin 25 on the project's
 * machines): it runs, and it prints nothing but its own output, even where a dependency loads a
 * native library (sqlite-jdbc, for the inventory store). Skipped when no JDK 22+ is found.
 */
final class NewerJdkIT {
  private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

  @TempDir Path dir;

  static Optional<Path> newerJava() throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(jvms)) {
      return s.filter(h -> major(h) >= 22)
          .map(h -> h.resolve("bin/java"))
          .filter(Files::isExecutable)
          .findFirst();
    }
  }

  private static int major(Path home) {
    try {
      Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  @Test
  void discoverSavedToTheStore_printsNoJvmWarnings() throws Exception {
    Optional<Path> java = newerJava();
    assumeTrue(java.isPresent(), "no JDK 22+ under /usr/lib/jvm");
    Path csv = Files.writeString(dir.resolve("kehu.csv"), "name,sfzh\nA,11010519491231002X\n");
    Path store = dir.resolve("moat.db");
    Path err = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder(
                java.get().toString(),
                "-jar",
                System.getProperty("moat.jar"),
                "--lang",
                "en",
                "discover",
                csv.toString(),
                "--store=" + store,
                "--format",
                "json")
            .redirectOutput(dir.resolve("out.json").toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(stderr).isZero();
    assertThat(store).exists();
    assertThat(Files.readString(dir.resolve("out.json"))).contains("CN_RESIDENT_ID");
    assertThat(stderr).doesNotContain("WARNING");
  }
}
