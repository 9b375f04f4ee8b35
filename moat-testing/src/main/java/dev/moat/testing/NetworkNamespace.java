package dev.moat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Linux network namespace of its own ({@code ip netns add}) with only its loopback up: servers
 * and a scanner started in it see no other program's ports. Tests that sweep a whole port range run
 * there, never on the machine's shared loopback. Needs root and iproute2; {@link #available()} says
 * whether this machine has both. {@link #close()} kills what was started in it and deletes it.
 */
public final class NetworkNamespace implements AutoCloseable {
  private final String name;
  private final List<Process> processes = new ArrayList<>();

  private NetworkNamespace(String name) {
    this.name = name;
  }

  /** Whether namespaces can be made here: {@code ip} is installed and this process runs as root. */
  public static boolean available() {
    return LocalServer.installed("ip") && "root".equals(System.getProperty("user.name"));
  }

  /** Makes a namespace named {@code prefix-<pid>} with loopback up. */
  public static NetworkNamespace create(String prefix) {
    String name = prefix + "-" + ProcessHandle.current().pid();
    run(Duration.ofSeconds(10), "ip", "netns", "del", name); // a leftover of a killed run
    NetworkNamespace ns = new NetworkNamespace(name);
    ns.check(run(Duration.ofSeconds(10), "ip", "netns", "add", name), "ip netns add");
    ns.check(run(Duration.ofSeconds(10), "ip", "-n", name, "link", "set", "lo", "up"), "lo up");
    return ns;
  }

  /** The namespace's name. */
  public String name() {
    return name;
  }

  /** Starts {@code command} inside the namespace, its output to {@code log}; killed on close. */
  public Process start(Path log, String... command) {
    try {
      Process p =
          new ProcessBuilder(inside(command))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      processes.add(p);
      Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
    }
  }

  /** Waits until a TCP listener inside the namespace has {@code port}. */
  public void awaitListening(int port, Duration timeout) {
    Poll.until(
        timeout,
        "a listener on port " + port + " in namespace " + name,
        () ->
            run(Duration.ofSeconds(10), inside("ss", "-Hltn", "sport = :" + port))
                .out()
                .contains(":" + port));
  }

  /** Runs {@code command} inside the namespace to the end (or the timeout, then kills it). */
  public Result exec(Duration timeout, String... command) {
    return run(timeout, inside(command));
  }

  @Override
  public void close() {
    for (Process p : processes) {
      p.destroyForcibly();
    }
    for (Process p : processes) {
      try {
        p.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    run(Duration.ofSeconds(10), "ip", "netns", "del", name);
  }

  /** What a finished command gave: exit code (-1 on timeout), stdout, stderr. */
  public record Result(int code, String out, String err) {}

  private String[] inside(String... command) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
    cmd.addAll(List.of(command));
    return cmd.toArray(String[]::new);
  }

  private void check(Result r, String what) {
    if (r.code() != 0) {
      close();
      throw new IllegalStateException(what + " failed for " + name + ": " + r.err());
    }
  }

  private static Result run(Duration timeout, String... command) {
    try {
      Path out = java.nio.file.Files.createTempFile("moat-netns-", ".out");
      Path err = java.nio.file.Files.createTempFile("moat-netns-", ".err");
      try {
        Process p =
            new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
          p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        return new Result(
            done ? p.exitValue() : -1,
            java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
            java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        java.nio.file.Files.deleteIfExists(out);
        java.nio.file.Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
    }
  }
}
