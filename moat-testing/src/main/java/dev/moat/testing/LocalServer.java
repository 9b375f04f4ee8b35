package dev.moat.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A real server process (redis-server, mosquitto, memcached …) started on a loopback port for the
 * length of a test class. The process is killed on {@link #close()} and, as a safety net, when the
 * JVM exits. Its output goes to a log file in its work directory, which the start error names.
 *
 * <p>Design: one process per instance, no shared state; start once per test class, not per test.
 */
public final class LocalServer implements AutoCloseable {
  private final String name;
  private final int port;
  private final Path workDir;
  private final Process process;

  private LocalServer(String name, int port, Path workDir, Process process) {
    this.name = name;
    this.port = port;
    this.workDir = workDir;
    this.process = process;
  }

  /** Builds a server command line. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The loopback port the server listens on. */
  public int port() {
    return port;
  }

  /** Always {@code 127.0.0.1}. */
  public String host() {
    return Ports.LOOPBACK;
  }

  /** The server's private directory (config, data, log). */
  public Path workDir() {
    return workDir;
  }

  /** True while the process runs. */
  public boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public String toString() {
    return name + "@" + Ports.LOOPBACK + ":" + port;
  }

  /** True when {@code executable} is found on the PATH or is an existing absolute path. */
  public static boolean installed(String executable) {
    if (executable.startsWith("/")) {
      return Files.isExecutable(Path.of(executable));
    }
    String path = System.getenv("PATH");
    List<String> dirs = new ArrayList<>(List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin"));
    if (path != null) {
      dirs.addAll(0, List.of(path.split(File.pathSeparator)));
    }
    for (String d : dirs) {
      if (Files.isExecutable(Path.of(d, executable))) {
        return true;
      }
    }
    return false;
  }

  /** Collects the command, environment and readiness check, then starts the process. */
  public static final class Builder {
    private final String name;
    private final List<String> command = new ArrayList<>();
    private final Map<String, String> env = new java.util.HashMap<>();
    private int port = Ports.free();
    private @Nullable Path workDir;
    private Duration startTimeout = Duration.ofSeconds(30);
    private @Nullable String readyLine;

    private Builder(String name) {
      this.name = name;
    }

    /** The port chosen so far (a free one unless set): use it when writing the command line. */
    public int port() {
      return port;
    }

    /** The port the server will listen on; {@link Ports#free()} if not set. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The working directory; a fresh temporary directory if not set. */
    public Builder workDir(Path dir) {
      this.workDir = dir;
      return this;
    }

    /** The command line; may be given after {@link #port(int)} so it can use the port. */
    public Builder command(String... args) {
      command.addAll(List.of(args));
      return this;
    }

    /** An environment variable for the process. */
    public Builder env(String key, String value) {
      env.put(key, value);
      return this;
    }

    /**
     * Also waits until the server's log holds {@code line}: for servers that accept connections
     * before they serve them (PostgreSQL answers "the database system is starting up").
     */
    public Builder readyWhenLogged(String line) {
      this.readyLine = line;
      return this;
    }

    /** How long to wait for the port to accept connections. */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = timeout;
      return this;
    }

    /** Starts the process and waits until its port accepts connections. */
    public LocalServer start() {
      if (command.isEmpty()) {
        throw new IllegalStateException("command must be set for " + name);
      }
      try {
        Path dir = workDir != null ? workDir : Files.createTempDirectory("moat-" + name + "-");
        Path log = dir.resolve(name + ".log");
        ProcessBuilder pb =
            new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        LocalServer server = new LocalServer(name, port, dir, p);
        try {
          Poll.until(
              startTimeout,
              name + " on port " + port + " (log: " + log + ")",
              () -> {
                if (!p.isAlive()) {
                  throw new IllegalStateException(
                      name + " exited with " + p.exitValue() + "; log: " + readQuietly(log));
                }
                return Ports.listening(port) && (readyLine == null || logged(log, readyLine));
              });
        } catch (RuntimeException e) {
          server.close();
          throw e;
        }
        return server;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start " + name, e);
      }
    }

    private static boolean logged(Path log, String line) {
      try {
        return Files.readString(log).contains(line);
      } catch (IOException e) {
        return false;
      }
    }

    private static String readQuietly(Path log) {
      try {
        String s = Files.readString(log);
        return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
      } catch (IOException e) {
        return "(unreadable)";
      }
    }
  }
}
