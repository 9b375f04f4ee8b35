package dev.moat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A private Mosquitto 2 broker on a free loopback port, always with an explicit {@code listener}
 * line (without one Mosquitto 2 lets anonymous clients in whatever {@code allow_anonymous} says).
 */
public final class MosquittoServers {
  /** User of the locked broker. */
  public static final String USER = "moat";

  /** Password of {@link #USER}. */
  public static final String PASSWORD = "Moat-test-mqtt-5c1e";

  private MosquittoServers() {}

  /** {@code allow_anonymous true}. */
  public static LocalServer anonymous() {
    return start(false);
  }

  /** {@code allow_anonymous false} with a password file. */
  public static LocalServer withPasswordFile() {
    return start(true);
  }

  private static LocalServer start(boolean locked) {
    if (!LocalServer.installed("mosquitto")) {
      throw new IllegalStateException("mosquitto is not installed (Debian package mosquitto)");
    }
    try {
      Path dir = Files.createTempDirectory("moat-mosquitto-");
      LocalServer.Builder b = LocalServer.builder(locked ? "mosquitto-locked" : "mosquitto-anon");
      StringBuilder conf = new StringBuilder();
      conf.append("listener ").append(b.port()).append(' ').append(Ports.LOOPBACK).append('\n');
      conf.append("persistence false\n");
      if ("root".equals(System.getProperty("user.name"))) {
        conf.append("user root\n");
      }
      if (locked) {
        Path pw = dir.resolve("passwd");
        Process p =
            new ProcessBuilder("mosquitto_passwd", "-b", "-c", pw.toString(), USER, PASSWORD)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
          throw new IllegalStateException("mosquitto_passwd failed: " + out);
        }
        conf.append("allow_anonymous false\npassword_file ").append(pw).append('\n');
      } else {
        conf.append("allow_anonymous true\n");
      }
      Path file = dir.resolve("mosquitto.conf");
      Files.writeString(file, conf.toString(), StandardCharsets.UTF_8);
      return b.workDir(dir).command("mosquitto", "-c", file.toString()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot configure mosquitto", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
