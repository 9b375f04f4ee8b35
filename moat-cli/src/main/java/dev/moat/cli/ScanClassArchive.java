package dev.moat.cli;

import dev.moat.scan.Scanner;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Training for the {@code ./moat} launcher's class-data-sharing archive ({@code scan
 * --train-class-archive}, hidden): the launcher makes the archive from an empty scan that sends
 * nothing, so on its own the archive would miss every class a scan loads only once it finds an open
 * port — the checks' code, the fingerprinting, the exposure samplers and the JDBC drivers they use
 * (about 1,100 classes, 370 of them the two drivers). This loads, without initialising, every class
 * under {@link #PACKAGES} in the jar moat runs from, so the JVM that writes the archive holds them
 * and the next scan maps them instead of reading, parsing and verifying them from the jar.
 *
 * <p>Loading a class runs none of its code; a class that cannot be loaded (an optional dependency
 * of a driver that is not bundled) is skipped. Outside a jar (tests, IDE) this does nothing.
 */
final class ScanClassArchive {
  /**
   * Package prefixes of the classes a scan may load after its start: moat's scanning, sampling,
   * detection and report code, and the JDBC drivers the PostgreSQL and MySQL exposure samplers use
   * (with their logging facade).
   */
  static final List<String> PACKAGES =
      List.of(
          "dev/moat/scan/",
          "dev/moat/discover/",
          "dev/moat/core/",
          "dev/moat/report/scan/",
          "org/postgresql/",
          "org/mariadb/jdbc/",
          "org/slf4j/");

  /**
   * Packages of the JDK, by module, that a scan's connections, probes and samplers use and that the
   * JDK's own archive and the empty scan leave out: sockets, channels, JDBC.
   */
  static final List<String> JDK_PACKAGES =
      List.of(
          "java.base/java/net/",
          "java.base/sun/net/",
          "java.base/java/nio/channels/",
          "java.base/sun/nio/ch/",
          "java.sql/java/sql/");

  private ScanClassArchive() {}

  /**
   * Loads every class of {@link #PACKAGES} from moat's jar.
   *
   * @return the number of classes loaded; 0 outside a jar
   */
  static int loadClasses() throws IOException {
    Path jar = ownJar();
    if (jar == null) {
      return 0;
    }
    ClassLoader loader = Scanner.class.getClassLoader();
    return loadJdkClasses(loader) + loadJarClasses(jar, loader);
  }

  /** Loads, through {@code loader}, the classes of {@link #PACKAGES} that {@code jar} lists. */
  static int loadJarClasses(Path jar, ClassLoader loader) throws IOException {
    int loaded = 0;
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (name.endsWith(".class") && !name.startsWith("META-INF/") && wanted(name)) {
          String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
          loaded += load(className, loader);
        }
      }
    }
    return loaded;
  }

  /** Loads the classes of {@link #JDK_PACKAGES} from the run-time image ({@code jrt:/}). */
  static int loadJdkClasses(ClassLoader loader) throws IOException {
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    int loaded = 0;
    for (String pkg : JDK_PACKAGES) {
      int slash = pkg.indexOf('/');
      Path dir = jrt.getPath("/modules", pkg);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          String name = f.toString();
          if (name.endsWith(".class")) {
            String className =
                name.substring("/modules/".length() + slash + 1, name.length() - 6)
                    .replace('/', '.');
            loaded += load(className, loader);
          }
        }
      }
    }
    return loaded;
  }

  private static int load(String className, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
      return 1;
    } catch (ClassNotFoundException | LinkageError e) {
      // an optional dependency of a driver (JNA, Waffle, OSGi …) that is not bundled
      return 0;
    }
  }

  private static boolean wanted(String entry) {
    for (String p : PACKAGES) {
      if (entry.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  private static @org.jspecify.annotations.Nullable Path ownJar() {
    CodeSource source = Scanner.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return null;
    }
    try {
      Path p = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(p) ? p : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
