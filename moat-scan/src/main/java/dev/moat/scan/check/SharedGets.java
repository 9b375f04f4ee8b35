package dev.moat.scan.check;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The plain {@code GET}s of one port, each sent once: several application checks ask an HTTP port
 * for {@code /} or {@code /version}, and the checks of a port run side by side. The first to ask
 * sends the request; the others wait for its answer, or its failure. One instance per port and
 * scan; thread-safe.
 */
public final class SharedGets {
  private final ConcurrentHashMap<String, FutureTask<Http.Response>> byPath =
      new ConcurrentHashMap<>();

  /** The answer to {@code GET path}: {@code fetch}'s, run by the first caller for {@code path}. */
  Http.Response get(String path, Callable<Http.Response> fetch) throws IOException {
    FutureTask<Http.Response> mine = new FutureTask<>(fetch);
    FutureTask<Http.Response> task = byPath.putIfAbsent(path, mine);
    if (task == null) {
      task = mine;
      mine.run();
    }
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted waiting for GET " + path);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    }
  }
}
