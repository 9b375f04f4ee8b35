package dev.moat.cli;

import dev.moat.core.text.TerminalText;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Entry point. Chooses the language before anything is printed, runs the command, and maps every
 * exception to an exit code and one line in the user's language — here and nowhere else.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Not a PrintStream: it would swallow EPIPE, and `moat detect … | head` must notice.
    OutputStream out = new FileOutputStream(FileDescriptor.out);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    int code = run(args, out, err);
    err.flush();
    System.exit(code);
  }

  /** Runs {@code moat args} with the given streams and returns the exit code. */
  public static int run(String[] args, OutputStream out, OutputStream err) {
    boolean debug = false;
    Locale locale = Messages.systemDefault(Locale.getDefault());
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--debug")) {
        debug = true;
      }
      String lang = null;
      if (a.equals("--lang") && i + 1 < args.length) {
        lang = args[i + 1];
      } else if (a.startsWith("--lang=")) {
        lang = a.substring("--lang=".length());
      }
      if (lang != null) {
        try {
          locale = Messages.localeFor(lang);
        } catch (IllegalArgumentException e) {
          Locale.setDefault(locale);
          PrintWriter w = writer(err);
          w.println(Messages.get("error.lang", lang));
          w.flush();
          return ExitCode.USAGE;
        }
      }
    }
    Locale.setDefault(locale);
    PrintWriter outWriter = writer(out);
    PrintWriter errWriter = writer(err);
    CommandLine cl = MoatCommand.commandLine(args);
    cl.setOut(outWriter);
    cl.setErr(errWriter);
    cl.setParameterExceptionHandler(Main::onUsageError);
    boolean finalDebug = debug;
    cl.setExecutionExceptionHandler(
        (Exception e, CommandLine c, ParseResult r) -> onFailure(e, c, finalDebug));
    int code = cl.execute(args);
    outWriter.flush();
    errWriter.flush();
    return code;
  }

  private static PrintWriter writer(OutputStream s) {
    return new PrintWriter(new java.io.OutputStreamWriter(s, StandardCharsets.UTF_8), true);
  }

  private static int onUsageError(ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println(Messages.get("error.usage", UsageErrors.describe(e)));
    err.println(
        Messages.get("error.usage.hint", e.getCommandLine().getCommandSpec().qualifiedName()));
    err.flush();
    return ExitCode.USAGE;
  }

  private static int onFailure(Exception e, CommandLine c, boolean debug) {
    PrintWriter err = c.getErr();
    int code;
    if (e instanceof UserException ue) {
      err.println(Messages.get("error.prefix") + ue.getMessage());
      code = ue.exitCode();
    } else if (e instanceof IllegalArgumentException) {
      // Config and argument validation throws these with a message naming the field and value.
      err.println(
          Messages.get("error.prefix") + TerminalText.clean(String.valueOf(e.getMessage())));
      code = ExitCode.USAGE;
    } else {
      String raw = e.getMessage();
      String msg = raw == null ? e.getClass().getSimpleName() : raw;
      err.println(Messages.get("error.prefix") + Messages.get("error.runtime", msg));
      code = ExitCode.RUNTIME;
    }
    if (debug) {
      e.printStackTrace(err);
    } else if (!(e instanceof UserException)) {
      err.println(Messages.get("error.debug.hint"));
    }
    err.flush();
    return code;
  }
}
