package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AtomicOutputTest {
  @TempDir Path dir;

  @Test
  void install_regularFile_replacesTarget() throws IOException {
    Path target = Files.writeString(dir.resolve("out.json"), "old");
    Path temp = Files.writeString(dir.resolve(".out.json.tmp"), "new");

    AtomicOutput.install(temp, target);

    assertThat(target).hasContent("new");
    assertThat(temp).doesNotExist();
  }

  @Test
  void install_overSpecialFile_writesThroughAndKeepsIt() throws Exception {
    // A FIFO stands in for /dev/null or /dev/stdout: it must stay what it is.
    Path fifo = dir.resolve("pipe");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mk.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(mk.exitValue()).isZero();
    CompletableFuture<String> reader =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Files.readString(fifo, StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    Path temp = Files.writeString(dir.resolve(".pipe.tmp"), "report");

    AtomicOutput.install(temp, fifo);

    assertThat(reader.get(10, TimeUnit.SECONDS)).isEqualTo("report");
    assertThat(Files.isRegularFile(fifo)).isFalse();
    assertThat(Files.exists(fifo)).isTrue();
    assertThat(temp).doesNotExist();
  }
}
