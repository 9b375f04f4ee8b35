package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ScanClassArchiveTest {
  @TempDir Path dir;

  @Test
  void loadJarClasses_loadsTheListedPackagesOnly_andSkipsWhatCannotLoad() throws IOException {
    Path jar = dir.resolve("moat.jar");
    try (OutputStream f = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(f)) {
      for (String e :
          new String[] {
            "dev/moat/scan/Scanner.class", // listed, on the class path
            "dev/moat/scan/NoSuchClass.class", // listed, cannot be loaded: skipped
            "picocli/CommandLine.class", // not listed
            "dev/moat/scan/check/redis/messages.properties" // not a class
          }) {
        j.putNextEntry(new JarEntry(e));
        j.closeEntry();
      }
    }

    int loaded = ScanClassArchive.loadJarClasses(jar, getClass().getClassLoader());

    assertThat(loaded).isEqualTo(1);
  }

  @Test
  void loadJdkClasses_findsTheNetworkingAndJdbcClassesOfTheRuntimeImage() throws IOException {
    assertThat(ScanClassArchive.loadJdkClasses(getClass().getClassLoader()))
        .isGreaterThan(ScanClassArchive.JDK_PACKAGES.size());
  }

  @Test
  void trainingOption_isHiddenFromHelp() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Locale saved = Locale.getDefault();
    try {
      Main.run(new String[] {"--lang", "en", "scan", "--help"}, out, new ByteArrayOutputStream());
    } finally {
      Locale.setDefault(saved);
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--no-progress")
        .doesNotContain("train");
  }
}
