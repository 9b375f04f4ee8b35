package dev.moat.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root {@code moat} command. Subcommands are listed in {@link #SUBCOMMANDS}; global options are
 * inherited.
 */
@Command(
    name = "moat",
    resourceBundle = Messages.BUNDLE,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false)
public final class MoatCommand implements Runnable {

  /** The subcommands, in help order. */
  static final List<String> SUBCOMMANDS = List.of("detect", "audit", "scan", "discover");

  /**
   * A new instance of subcommand {@code name}. Subcommands are added to the command line by {@link
   * #commandLine}, not by the annotation, so that a run of one subcommand does not pay for building
   * (and loading the classes of) all the others: picocli introspects every subcommand it is given.
   * A switch, not a map of constructor references: each reference would cost a lambda bootstrap at
   * start-up.
   */
  private static Object subcommand(String name) {
    return switch (name) {
      case "detect" -> new DetectCommand();
      case "audit" -> new dev.moat.cli.audit.AuditCommand();
      case "scan" -> new ScanCommand();
      case "discover" -> new DiscoverCommand();
      default -> throw new IllegalArgumentException("no subcommand " + name);
    };
  }

  /**
   * The command line for {@code args}: with only the subcommand {@code args} names, or with all of
   * them when it names none (root help, a misspelt subcommand that picocli should explain).
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cl = new CommandLine(new MoatCommand());
    String chosen = subcommandName(args);
    for (String name : SUBCOMMANDS) {
      if (chosen == null || chosen.equals(name)) {
        cl.addSubcommand(name, subcommand(name));
      }
    }
    return cl;
  }

  /** The first argument that is not a global option or its value, if it names a subcommand. */
  static @Nullable String subcommandName(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--lang") || a.equals("--config")) {
        i++; // skip the option's value
      } else if (!a.startsWith("-")) {
        return SUBCOMMANDS.contains(a) ? a : null;
      }
    }
    return null;
  }

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
