package dev.moat.core.text;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * Paths to leave out of a directory walk, as globs in the manner of {@code .gitignore}: a pattern
 * without {@code /} is matched against the name of every file and directory ({@code node_modules},
 * {@code *.min.js}); a pattern with one, or starting with {@code /} or {@code ./}, is matched
 * against the path below the walked directory ({@code logs/archive/**}, {@code **}{@code
 * /fixtures/*.csv}, {@code /build}). A directory that matches is not entered. Glob syntax is {@link
 * FileSystem#getPathMatcher}'s: {@code *}, {@code **}, {@code ?}, {@code [a-z]}, {@code {a,b}}.
 */
public final class PathExcludes {
  /** Leaves nothing out. */
  public static final PathExcludes NONE = new PathExcludes(List.of(), List.of());

  private final List<PathMatcher> names;
  private final List<PathMatcher> paths;

  private PathExcludes(List<PathMatcher> names, List<PathMatcher> paths) {
    this.names = names;
    this.paths = paths;
  }

  /**
   * Compiles {@code globs}.
   *
   * @throws IllegalArgumentException for the first pattern that is empty or not a valid glob, with
   *     the reason as its message
   */
  public static PathExcludes of(List<String> globs) {
    List<PathMatcher> names = new ArrayList<>();
    List<PathMatcher> paths = new ArrayList<>();
    for (String g : globs) {
      String t = g.trim().replace('\\', '/');
      boolean anchored = t.startsWith("/") || t.startsWith("./");
      String p = normalise(t);
      if (p.isEmpty()) {
        throw new IllegalArgumentException("empty pattern");
      }
      PathMatcher m = compile(p);
      (anchored || p.contains("/") ? paths : names).add(m);
    }
    return names.isEmpty() && paths.isEmpty() ? NONE : new PathExcludes(names, paths);
  }

  /**
   * Whether the file or directory at {@code relative} (below the walked directory, {@code /}
   * separated, e.g. {@code logs/a.log}) is left out.
   */
  public boolean excludes(String relative) {
    if (this == NONE || relative.isEmpty()) {
      return false;
    }
    int slash = relative.lastIndexOf('/');
    Path name = Path.of(relative.substring(slash + 1));
    for (PathMatcher m : names) {
      if (m.matches(name)) {
        return true;
      }
    }
    if (!paths.isEmpty()) {
      Path rel = Path.of(relative);
      for (PathMatcher m : paths) {
        if (m.matches(rel)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String normalise(String glob) {
    String p = glob;
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static PathMatcher compile(String glob) {
    try {
      return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(e.getDescription(), e);
    }
  }
}
