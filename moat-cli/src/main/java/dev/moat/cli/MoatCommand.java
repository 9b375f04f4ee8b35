package dev.moat.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root {@code moat} command. Subcommands are listed here; global options are inherited. */
@Command(
    name = "moat",
    resourceBundle = Messages.BUNDLE,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    subcommands = {ScanCommand.class})
public final class MoatCommand implements Runnable {

  @Spec @Nullable CommandSpec spec;

  @Option(
      names = "--lang",
      paramLabel = "zh|en",
      descriptionKey = "opt.lang",
      scope = ScopeType.INHERIT)
  @Nullable String lang;

  @Option(names = "--debug", descriptionKey = "opt.debug", scope = ScopeType.INHERIT)
  boolean debug;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      descriptionKey = "opt.config",
      scope = ScopeType.INHERIT)
  @Nullable Path config;

  @Override
  public void run() {
    // No subcommand: show the usage, as git and kubectl do.
    if (spec != null) {
      spec.commandLine().usage(spec.commandLine().getOut());
    }
  }

  /** The language chosen on the command line, if any; Main applies it before parsing. */
  @Nullable Locale locale() {
    return lang == null ? null : Messages.localeFor(lang);
  }
}
