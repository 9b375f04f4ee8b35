package dev.moat.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar, fed through stdin as scripts do, and a second writer refused while one runs. */
final class AuditCliIT {
  @TempDir Path tmp;

  private static Process start(String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String[] cmd = new String[args.length + 3];
    cmd[0] = java;
    cmd[1] = "-jar";
    cmd[2] = System.getProperty("moat.jar");
    System.arraycopy(args, 0, cmd, 3, args.length);
    return new ProcessBuilder(cmd).start();
  }

  @Test
  void append_fromStdin_thenVerify() throws Exception {
    Process p = start("--lang", "en", "audit", "append", "--log", tmp.resolve("log").toString());
    try (OutputStream in = p.getOutputStream()) {
      for (int i = 0; i < 1000; i++) {
        in.write(
            ("{\"type\":\"authn\",\"user\":\"u" + i + "\"}\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("\"appended\":1000");
    Process v = start("--lang", "en", "audit", "verify", "--log", tmp.resolve("log").toString());
    assertThat(v.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(v.exitValue()).isZero();
  }

  @Test
  void append_whileAnotherWriterHoldsTheLog_failsClearly() throws Exception {
    Path log = tmp.resolve("log");
    Process first = start("--lang", "en", "audit", "append", "--log", log.toString());
    OutputStream in = first.getOutputStream();
    in.write("{\"type\":\"a\"}\n".getBytes(StandardCharsets.UTF_8));
    in.flush();
    // The first writer holds the lock while it waits for the rest of stdin.
    dev.moat.testing.Poll.until(
        java.time.Duration.ofSeconds(30),
        "first writer created the log",
        () -> java.nio.file.Files.exists(log.resolve("origin")));
    Process second = start("--lang", "en", "audit", "append", "--log", log.toString());
    second.getOutputStream().close();
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).isEqualTo(3);
    assertThat(new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("in use by another writer");
    in.close();
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isZero();
  }
}
