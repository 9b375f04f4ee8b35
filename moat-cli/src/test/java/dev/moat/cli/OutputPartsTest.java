package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moat.core.text.TerminalText;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small pieces the detect output is made of: JSON escaping, spools, atomic files, tables. */
final class OutputPartsTest {
  @TempDir Path dir;

  @Test
  void json_string_escapesAndRoundTrips() throws IOException {
    String nasty = "a\"b\\c\nd\te\u0001f\u2028 中文 𠀀 \uD800x";
    String json = Json.string(nasty);
    assertThat(json).doesNotContain("\n").contains("\\u0001").contains("\\ud800").contains("𠀀");
    // A lone surrogate cannot survive any encoding; everything else must round-trip.
    assertThat(new ObjectMapper().readValue(json, String.class)).isEqualTo(nasty);
  }

  @Test
  void spool_beyondMemoryLimit_spillsToDiskAndDeletesOnClose() throws IOException {
    char[] block = new char[100_000];
    Arrays.fill(block, 'x');
    StringWriter out = new StringWriter();
    Path spilled;
    try (Spool s = new Spool()) {
      for (int i = 0; i < 15; i++) {
        s.write(block);
        s.write("line " + i + "\n");
      }
      spilled = s.spillFile();
      assertThat(spilled).isNotNull().exists();
      s.transferTo(out);
    }
    int expected = 15 * 100_000 + 10 * "line 0\n".length() + 5 * "line 10\n".length();
    assertThat(out.toString().length()).isEqualTo(expected);
    assertThat(out.toString().endsWith("x" + "line 14\n")).isTrue();
    assertThat(spilled).doesNotExist();
  }

  @Test
  void spool_small_staysInMemory() throws IOException {
    StringWriter out = new StringWriter();
    try (Spool s = new Spool()) {
      s.write("hello\n");
      s.transferTo(out);
    }
    assertThat(out).hasToString("hello\n");
  }

  @Test
  void atomicOutput_closedWithoutCommit_leavesTargetUntouched() throws IOException {
    Path target = Files.writeString(dir.resolve("report.json"), "old");
    try (AtomicOutput o = AtomicOutput.open(target)) {
      o.writer().write("half-written");
    }
    assertThat(Files.readString(target)).isEqualTo("old");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s).containsExactly(target);
    }
  }

  @Test
  void atomicOutput_commit_replacesTarget() throws IOException {
    Path target = Files.writeString(dir.resolve("report.json"), "old");
    try (AtomicOutput o = AtomicOutput.open(target)) {
      o.writer().write("new");
      o.commit();
    }
    assertThat(Files.readString(target)).isEqualTo("new");
  }

  @Test
  void textTable_alignsChineseByDisplayWidth() throws IOException {
    StringWriter out = new StringWriter();
    TextTable.write(
        out,
        List.of(
            new String[] {"文件", "类型", "数量"},
            new String[] {"a.log", "手机号", "3"},
            new String[] {"bb.log", "EMAIL", "12"}),
        2);
    List<String> lines = out.toString().lines().toList();
    assertThat(lines)
        .containsExactly("文件    类型    数量", "a.log   手机号     3", "bb.log  EMAIL     12");
    assertThat(lines.stream().map(TerminalText::width).distinct()).hasSize(1);
  }
}
