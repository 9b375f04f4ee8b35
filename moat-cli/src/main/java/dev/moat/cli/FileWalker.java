package dev.moat.cli;

import dev.moat.core.text.PathExcludes;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Expands the paths given on the command line into the regular files to read, in a fixed order:
 * arguments in the order given, directory entries sorted by name, depth first. Symbolic links to
 * files are followed; links to directories inside a tree are not, so a link cycle cannot loop.
 * Inside a directory, files and directories the {@link PathExcludes} match are skipped (matched by
 * their path below that directory); the arguments themselves are always taken. Paths keep the
 * user's spelling ({@code logs/a.log}, not an absolute path) with {@code /}.
 */
final class FileWalker {

  /**
   * A file to scan.
   *
   * @param display the path as shown in output
   * @param path the path to open
   * @param size its size in bytes, for the progress bar
   */
  record Target(String display, Path path, long size) {}

  private FileWalker() {}

  /**
   * Walks {@code roots}; directories that cannot be listed are reported to {@code onError} with
   * their display path and the cause, and skipped.
   */
  static List<Target> walk(
      List<Path> roots, PathExcludes excludes, BiConsumer<String, IOException> onError) {
    List<Target> out = new ArrayList<>();
    for (Path root : roots) {
      String display = display(root.toString());
      if (Files.isDirectory(root)) {
        walkDir(root, display, "", excludes, out, onError);
      } else {
        out.add(new Target(display, root, size(root)));
      }
    }
    return out;
  }

  private static void walkDir(
      Path dir,
      String display,
      String relative,
      PathExcludes excludes,
      List<Target> out,
      BiConsumer<String, IOException> onError) {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        children.add(p);
      }
    } catch (IOException e) {
      onError.accept(display, e);
      return;
    }
    children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    for (Path child : children) {
      String name = child.getFileName().toString();
      String childDisplay = display.endsWith("/") ? display + name : display + "/" + name;
      String childRelative = relative.isEmpty() ? name : relative + "/" + name;
      if (excludes.excludes(childRelative)) {
        continue;
      }
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        onError.accept(childDisplay, e);
        continue;
      }
      if (attrs.isDirectory()) {
        walkDir(child, childDisplay, childRelative, excludes, out, onError);
      } else if (attrs.isRegularFile()) {
        out.add(new Target(childDisplay, child, attrs.size()));
      } else if (attrs.isSymbolicLink() && Files.isRegularFile(child)) {
        out.add(new Target(childDisplay, child, size(child)));
      }
      // sockets, FIFOs, devices and links to directories are not data files: skipped
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  /** The user's spelling of a path, with {@code /} as separator. */
  static String display(String path) {
    return path.replace('\\', '/');
  }
}
