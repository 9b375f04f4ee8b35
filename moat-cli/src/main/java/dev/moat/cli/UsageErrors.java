package dev.moat.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Puts picocli's parse errors in the user's language. picocli's own messages are English only; the
 * common cases (unknown option, missing value or argument, option given twice) get a text from the
 * bundle, anything else keeps picocli's wording.
 */
final class UsageErrors {
  private UsageErrors() {}

  static String describe(ParameterException e) {
    if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      return Messages.get("error.usage.unknown", String.join(" ", u.getUnmatched()));
    }
    if (e instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
      List<String> options = new ArrayList<>();
      List<String> params = new ArrayList<>();
      for (ArgSpec a : m.getMissing()) {
        if (a instanceof OptionSpec o) {
          options.add(o.longestName());
        } else {
          params.add(a.paramLabel());
        }
      }
      // picocli reports a missing option value and a missing positional the same way.
      return options.isEmpty()
              || !String.valueOf(e.getMessage()).startsWith("Missing required parameter for")
          ? Messages.get("error.usage.missing", String.join(", ", names(options, params)))
          : Messages.get("error.usage.value", String.join(", ", options));
    }
    if (e instanceof OverwrittenOptionException o) {
      return Messages.get("error.usage.twice", o.getOverwritten().toString());
    }
    return String.valueOf(e.getMessage());
  }

  private static List<String> names(List<String> options, List<String> params) {
    List<String> all = new ArrayList<>(options);
    all.addAll(params);
    return all;
  }
}
