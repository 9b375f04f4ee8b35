package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

final class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Locale saved;

  @BeforeEach
  void saveLocale() {
    saved = Locale.getDefault();
  }

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(saved);
  }

  private int run(String... args) {
    return Main.run(args, out, err);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void version_printsVersionAndExitsZero() {
    assertThat(run("--version")).isEqualTo(ExitCode.OK);
    assertThat(out()).startsWith("moat ");
  }

  @Test
  void help_inEnglish_describesGlobalOptions() {
    assertThat(run("--lang", "en", "--help")).isEqualTo(ExitCode.OK);
    assertThat(out()).contains("--lang").contains("Language of messages");
  }

  @Test
  void help_inChinese_usesChineseTexts() {
    assertThat(run("--lang=zh", "--help")).isEqualTo(ExitCode.OK);
    assertThat(out()).contains("护城河").contains("消息与报告的语言");
  }

  @Test
  void unknownOption_isUsageErrorWithHint() {
    assertThat(run("--lang", "en", "--no-such-option")).isEqualTo(ExitCode.USAGE);
    assertThat(err()).contains("--no-such-option").contains("moat --help");
    assertThat(out()).isEmpty();
  }

  @Test
  void badPortsAndTargets_inChinese_wholeLineInChinese() {
    assertThat(run("--lang", "zh", "scan", "127.0.0.1", "-p", "abc")).isEqualTo(ExitCode.USAGE);
    assertThat(err()).isEqualTo("moat：-p 无效：端口须为 1..65535 之间的数字：abc" + System.lineSeparator());
    err.reset();
    assertThat(run("--lang", "zh", "scan", "10.0.0.0/33", "-p", "1")).isEqualTo(ExitCode.USAGE);
    assertThat(err()).contains("CIDR 前缀长度须在 0..32 之间：10.0.0.0/33");
    err.reset();
    assertThat(run("--lang", "en", "scan", "10.0.0.0/33", "-p", "1")).isEqualTo(ExitCode.USAGE);
    assertThat(err()).contains("CIDR prefix must be in 0..32: 10.0.0.0/33");
    assertThat(out()).isEmpty();
  }

  @Test
  void unknownOption_inChinese_saysSoInChinese() {
    assertThat(run("--lang", "zh", "--no-such-option")).isEqualTo(ExitCode.USAGE);
    assertThat(err()).contains("查看用法");
  }

  @Test
  void badLanguage_isUsageError() {
    assertThat(run("--lang", "fr", "--help")).isEqualTo(ExitCode.USAGE);
    assertThat(err()).contains("fr");
  }

  @Test
  void defaultLanguage_followsSystemLocale() {
    Map<String, String> none = Map.of();
    assertThat(Messages.systemDefault(Locale.CHINA, none)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(Messages.systemDefault(Locale.TAIWAN, none)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(Messages.systemDefault(Locale.US, none)).isEqualTo(Locale.ENGLISH);
    assertThat(Messages.systemDefault(Locale.GERMANY, none)).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void defaultLanguage_environmentFirst_evenWhenTheLocaleIsNotInstalled() {
    // The JVM reports en/C for LANG=zh_CN.UTF-8 on a machine without that locale.
    assertThat(Messages.systemDefault(Locale.US, Map.of("LANG", "zh_CN.UTF-8")))
        .isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(Messages.systemDefault(Locale.CHINA, Map.of("LANG", "C.UTF-8")))
        .isEqualTo(Locale.ENGLISH);
    assertThat(
            Messages.systemDefault(
                Locale.US, Map.of("LANG", "en_US.UTF-8", "LC_MESSAGES", "zh_TW")))
        .isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(
            Messages.systemDefault(
                Locale.US,
                Map.of("LC_ALL", "en_GB.UTF-8", "LC_MESSAGES", "zh_CN", "LANG", "zh_CN")))
        .isEqualTo(Locale.ENGLISH);
    assertThat(Messages.systemDefault(Locale.CHINA, Map.of("LANG", " ")))
        .isEqualTo(Locale.SIMPLIFIED_CHINESE);
  }

  @Test
  void help_listsEverySubcommand() {
    assertThat(run("--lang", "en", "--help")).isEqualTo(ExitCode.OK);
    assertThat(out()).contains("detect").contains("audit").contains("scan").contains("discover");
  }

  @Test
  void help_inChinese_everyCommandHasNoEnglishFrame() {
    List<List<String>> paths = new ArrayList<>();
    collect(MoatCommand.commandLine(new String[0]), new ArrayList<>(), paths);
    assertThat(paths).hasSizeGreaterThan(10);
    for (List<String> path : paths) {
      out.reset();
      List<String> args = new ArrayList<>(List.of("--lang", "zh"));
      args.addAll(path);
      args.add("--help");
      assertThat(run(args.toArray(String[]::new))).as("%s", path).isEqualTo(ExitCode.OK);
      assertThat(out())
          .as("moat %s --help", String.join(" ", path))
          .contains("用法：moat")
          .contains("显示帮助并退出")
          .doesNotContain("Usage:")
          .doesNotContain("Commands:")
          .doesNotContain("Show this help")
          .doesNotContain("Print version");
    }
  }

  private static void collect(CommandLine c, List<String> path, List<List<String>> into) {
    into.add(path);
    for (Map.Entry<String, CommandLine> e : c.getSubcommands().entrySet()) {
      List<String> next = new ArrayList<>(path);
      next.add(e.getKey());
      collect(e.getValue(), next, into);
    }
  }

  @Test
  void messages_cleanTextArgumentsButFormatNumbers() {
    Locale.setDefault(Locale.ENGLISH);
    assertThat(Messages.get("detect.note.binary", Path.of("/tmp/\u001b]0;x\u0007.bin")))
        .isEqualTo("skipped binary file: /tmp/?]0;x?.bin");
    assertThat(Messages.get("detect.table.summary", 12345, 1, 2))
        .isEqualTo("12,345 matches in 1 of 2 files.");
    assertThat(Messages.get("scan.summary", 1L, 1, 0))
        .isEqualTo("Scanned 1 port: 1 open service, 0 findings.");
    assertThat(Messages.get("scan.summary", 65_535L, 6, 2))
        .isEqualTo("Scanned 65,535 ports: 6 open services, 2 findings.");
    Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
    assertThat(Messages.get("detect.note.binary", "a\u001b[2Jb")).isEqualTo("已跳过二进制文件：a?[2Jb");
  }

  @Test
  void subcommandName_skipsGlobalOptionsAndTheirValues() {
    assertThat(MoatCommand.subcommandName(new String[] {"--lang", "zh", "--debug", "scan", "x"}))
        .isEqualTo("scan");
    assertThat(MoatCommand.subcommandName(new String[] {"--config", "detect", "discover"}))
        .isEqualTo("discover");
    assertThat(MoatCommand.subcommandName(new String[] {"--config=a.yaml", "detect"}))
        .isEqualTo("detect");
    assertThat(MoatCommand.subcommandName(new String[] {"dtect", "x"})).isNull();
    assertThat(MoatCommand.subcommandName(new String[] {"--help"})).isNull();
  }

  @Test
  void oneSubcommandRun_buildsOnlyThatSubcommand() {
    assertThat(
            MoatCommand.commandLine(new String[] {"--lang", "en", "detect", "f"}).getSubcommands())
        .containsOnlyKeys("detect");
    assertThat(MoatCommand.commandLine(new String[] {"--version"}).getSubcommands())
        .containsOnlyKeys("detect", "audit", "scan", "discover");
  }

  @Test
  void misspeltSubcommand_isUsageErrorThatSuggestsTheRightOne() {
    assertThat(run("--lang", "en", "dtect", "x")).isEqualTo(ExitCode.USAGE);
    assertThat(err()).contains("dtect");
  }
}
