package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class MessagesTest {
  private Locale saved = Locale.getDefault();

  @BeforeEach
  void english() {
    saved = Locale.getDefault();
    Locale.setDefault(Locale.ENGLISH);
  }

  @AfterEach
  void restore() {
    Locale.setDefault(saved);
  }

  @Test
  void get_cleansTextArgumentsButFormatsNumbers() {
    assertThat(Messages.get("detect.note.binary", Path.of("/tmp/\u001b]0;x\u0007.bin")))
        .isEqualTo("skipped binary file: /tmp/?]0;x?.bin");
    assertThat(Messages.get("detect.table.summary", 12345, 1, 2))
        .isEqualTo("12,345 match(es) in 1 of 2 file(s).");
  }

  @Test
  void get_inChinese_sameCleaning() {
    Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
    assertThat(Messages.get("detect.note.binary", "a\u001b[2Jb")).contains("a?[2Jb");
  }
}
