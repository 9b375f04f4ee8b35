package dev.moat.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TerminalTextTest {
  @Test
  void width_countsCjkAndFullWidthAsTwo() {
    assertThat(TerminalText.width("abc")).isEqualTo(3);
    assertThat(TerminalText.width("身份证号")).isEqualTo(8);
    assertThat(TerminalText.width("ＡＢ1")).isEqualTo(5);
    assertThat(TerminalText.width("한국")).isEqualTo(4);
    assertThat(TerminalText.width("𠀀")).isEqualTo(2); // outside the BMP: one code point
  }

  @Test
  void pad_fillsToColumnsNotChars() {
    assertThat(TerminalText.pad("表", 4)).isEqualTo("表  ");
    assertThat(TerminalText.pad("long", 2)).isEqualTo("long");
  }

  @Test
  void clean_replacesEveryControlThatCouldDriveATerminal() {
    assertThat(TerminalText.clean("\u001b[31mred\u001b[0m")).isEqualTo("?[31mred?[0m");
    assertThat(TerminalText.clean("a\rb\u0007c\u009bd")).isEqualTo("a?b?c?d");
    assertThat(TerminalText.clean("\u202Etxt.exe\u2066")).isEqualTo("?txt.exe?");
    assertThat(TerminalText.clean("two\nlines\tand tab")).isEqualTo("two lines and tab");
    assertThat(TerminalText.clean("居民身份证 ok")).isEqualTo("居民身份证 ok");
  }
}
