package dev.moat.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.audit.AuditException;
import dev.moat.audit.AuditLog;
import dev.moat.audit.AuditOptions;
import dev.moat.audit.Checkpoint;
import dev.moat.audit.ConsistencyProof;
import dev.moat.audit.Entry;
import dev.moat.audit.LogFiles;
import dev.moat.audit.LogReader;
import dev.moat.audit.Receipt;
import dev.moat.audit.Verifier;
import dev.moat.audit.VerifierKey;
import dev.moat.audit.VerifyReport;
import dev.moat.cli.ExitCode;
import dev.moat.cli.Messages;
import dev.moat.cli.UserException;
import dev.moat.core.text.TerminalText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code moat audit}: the tamper-evident audit log. */
@Command(
    name = "audit",
    resourceBundle = "dev.moat.cli.AuditMessages",
    mixinStandardHelpOptions = true,
    subcommands = {
      AuditCommand.Append.class,
      AuditCommand.CheckpointCmd.class,
      AuditCommand.Verify.class,
      AuditCommand.Prove.class,
      AuditQueries.Tail.class,
      AuditQueries.Search.class,
      AuditCommand.RotateKey.class,
      AuditMaintenance.Archive.class,
      AuditMaintenance.Forward.class
    })
public final class AuditCommand implements Runnable {
  static final ObjectMapper JSON = new ObjectMapper();

  @Spec @Nullable CommandSpec spec;

  @Override
  public void run() {
    if (spec != null) {
      spec.commandLine().usage(spec.commandLine().getOut());
    }
  }

  static PrintWriter out(@Nullable CommandSpec spec) {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the spec");
    }
    return spec.commandLine().getOut();
  }

  static PrintWriter err(@Nullable CommandSpec spec) {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the spec");
    }
    return spec.commandLine().getErr();
  }

  /** Fails with exit 2 unless {@code dir} holds a log. */
  static void requireLog(Path dir) {
    if (!new LogFiles(dir).exists()) {
      throw UserException.usage("audit.error.noLog", dir);
    }
  }

  static UserException failure(Exception e) {
    return UserException.runtime(e, "audit.error.runtime", String.valueOf(e.getMessage()));
  }

  /** {@code moat audit append}. */
  @Command(name = "append", mixinStandardHelpOptions = true)
  static final class Append implements Callable<Integer> {
    /** Inputs up to this many lines are validated whole before anything is appended. */
    static final int ALL_OR_NOTHING_LINES = 1_000_000;

    @Spec @Nullable CommandSpec spec;

    @Option(names = "--log", required = true, paramLabel = "DIR", descriptionKey = "audit.opt.log")
    Path log = Path.of(".");

    @Option(names = "--key", paramLabel = "FILE", descriptionKey = "audit.opt.key")
    @Nullable Path key;

    @Option(names = "--origin", paramLabel = "NAME", descriptionKey = "audit.opt.origin")
    @Nullable String origin;

    @Option(names = "--input", paramLabel = "FILE", descriptionKey = "audit.opt.input")
    @Nullable Path input;

    @Override
    public Integer call() throws IOException {
      AuditOptions opts = AuditOptions.defaults();
      if (key != null) {
        opts = opts.withKeyFile(key);
      }
      if (origin != null) {
        opts = opts.withOrigin(origin);
      }
      InputStream in = input == null ? System.in : openInput(input);
      long appended = 0;
      long first = -1;
      Checkpoint cp;
      try (BufferedReader r =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
          AuditLog l = open(log, opts)) {
        List<byte[]> chunk = new ArrayList<>();
        List<Long> lineNos = new ArrayList<>();
        long lineNo = 0;
        String line = r.readLine();
        // A whole chunk is validated before any of it is appended: a bad line leaves the log
        // exactly as it was for any input of up to ALL_OR_NOTHING_LINES lines.
        while (line != null) {
          lineNo++;
          if (!line.isBlank()) {
            chunk.add(line.strip().getBytes(StandardCharsets.UTF_8));
            lineNos.add(lineNo);
          }
          line = r.readLine();
          if (chunk.size() >= ALL_OR_NOTHING_LINES || (line == null && !chunk.isEmpty())) {
            long f;
            try {
              f = appendAll(l, chunk);
            } catch (AuditLog.InvalidEventException e) {
              throw UserException.usage(
                  "audit.error.badLine", lineNos.get(e.position()), e.reason(), appended);
            }
            first = first < 0 ? f : first;
            appended += chunk.size();
            chunk.clear();
            lineNos.clear();
          }
        }
        cp = l.checkpoint();
      }
      out(spec)
          .println(
              "{\"appended\":" + appended + ",\"first\":" + first + ",\"size\":" + cp.size() + "}");
      err(spec).println(Messages.get("audit.append.done", appended, cp.size()));
      return ExitCode.OK;
    }

    private static long appendAll(AuditLog l, List<byte[]> chunk) {
      List<CompletableFuture<Receipt>> acks;
      try {
        acks = l.appendAllAsync(chunk);
      } catch (AuditException e) {
        throw failure(e);
      }
      try {
        for (CompletableFuture<Receipt> f : acks) {
          f.join();
        }
        return acks.get(0).join().index();
      } catch (java.util.concurrent.CompletionException e) {
        throw failure(e.getCause() instanceof Exception c ? c : e);
      }
    }

    private static InputStream openInput(Path p) {
      try {
        return Files.newInputStream(p);
      } catch (IOException e) {
        throw UserException.usage("audit.error.input", p, String.valueOf(e.getMessage()));
      }
    }
  }

  static AuditLog open(Path dir, AuditOptions opts) throws IOException {
    try {
      return AuditLog.open(dir, opts);
    } catch (AuditException e) {
      throw failure(e);
    }
  }

  /** {@code moat audit checkpoint}. */
  @Command(name = "checkpoint", mixinStandardHelpOptions = true)
  static final class CheckpointCmd implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @Option(names = "--log", required = true, paramLabel = "DIR", descriptionKey = "audit.opt.log")
    Path log = Path.of(".");

    @Override
    public Integer call() throws IOException {
      requireLog(log);
      try {
        try (LogReader reader = LogReader.open(log)) {
          out(spec).print(reader.checkpoint().text());
        }
      } catch (AuditException e) {
        throw failure(e);
      }
      out(spec).flush();
      return ExitCode.OK;
    }
  }

  /** {@code moat audit verify}. */
  @Command(name = "verify", mixinStandardHelpOptions = true)
  static final class Verify implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @Option(names = "--log", required = true, paramLabel = "DIR", descriptionKey = "audit.opt.log")
    Path log = Path.of(".");

    @Option(names = "--checkpoint", paramLabel = "FILE", descriptionKey = "audit.opt.checkpoint")
    List<Path> checkpoints = new ArrayList<>();

    @Option(names = "--public-key", paramLabel = "FILE", descriptionKey = "audit.opt.publicKey")
    List<Path> publicKeys = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
      requireLog(log);
      List<VerifierKey> keys = new ArrayList<>();
      for (Path p : publicKeys) {
        for (String line : readFile(p).split("\n")) {
          if (!line.isBlank()) {
            try {
              keys.add(VerifierKey.parse(line));
            } catch (IllegalArgumentException e) {
              throw UserException.usage("audit.error.publicKey", p, String.valueOf(e.getMessage()));
            }
          }
        }
      }
      if (keys.isEmpty()) {
        keys.addAll(new LogFiles(log).readKeys());
        err(spec).println(Messages.get("audit.verify.ownKeys"));
      }
      List<String> given = new ArrayList<>();
      for (Path p : checkpoints) {
        given.add(readFile(p));
      }
      VerifyReport r = new Verifier(new LogFiles(log), keys, given).run();
      for (String note : r.notes()) {
        err(spec).println(Messages.get("audit.verify.note", note));
      }
      if (r.problem().isPresent()) {
        err(spec).println(Messages.get("audit.verify.failed", r.problem().get()));
        return ExitCode.FLAGGED;
      }
      out(spec)
          .println(
              Messages.get(
                  "audit.verify.ok", r.entries(), r.segments(), r.checkpoints(), r.signedSize()));
      return ExitCode.OK;
    }
  }

  static String readFile(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw UserException.usage("audit.error.input", p, "no such file");
    } catch (IOException e) {
      throw UserException.usage("audit.error.input", p, String.valueOf(e.getMessage()));
    }
  }

  /** {@code moat audit prove}. */
  @Command(name = "prove", mixinStandardHelpOptions = true)
  static final class Prove implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @Option(names = "--log", required = true, paramLabel = "DIR", descriptionKey = "audit.opt.log")
    Path log = Path.of(".");

    @Option(names = "--index", paramLabel = "N", descriptionKey = "audit.opt.index")
    @Nullable Long index;

    @Option(names = "--from-size", paramLabel = "M", descriptionKey = "audit.opt.fromSize")
    @Nullable Long fromSize;

    @Override
    public Integer call() throws IOException {
      requireLog(log);
      if ((index == null) == (fromSize == null)) {
        throw UserException.usage("audit.error.proveWhat");
      }
      ObjectNode o = JSON.createObjectNode();
      try (LogReader reader = LogReader.open(log)) {
        if (index != null) {
          LogReader.Proven p = reader.prove(index);
          o.put("type", "inclusion");
          o.put("origin", p.checkpoint().origin());
          o.put("index", p.proof().index());
          o.put("treeSize", p.proof().size());
          o.put("micros", p.entry().micros());
          o.put("leafHash", Base64.getEncoder().encodeToString(p.leafHash()));
          o.put("entry", p.entry().json());
          ArrayNode path = o.putArray("path");
          p.proof().pathBase64().forEach(path::add);
          o.put("checkpoint", p.checkpoint().text());
        } else {
          Checkpoint cp = reader.checkpoint();
          ConsistencyProof p = reader.consistency(fromSize == null ? 0 : fromSize);
          o.put("type", "consistency");
          o.put("origin", cp.origin());
          o.put("size1", p.size1());
          o.put("size2", p.size2());
          ArrayNode path = o.putArray("path");
          p.pathBase64().forEach(path::add);
          o.put("checkpoint", cp.text());
        }
      } catch (AuditException e) {
        throw failure(e);
      }
      out(spec).println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o));
      return ExitCode.OK;
    }
  }

  /** {@code moat audit rotate-key}. */
  @Command(name = "rotate-key", mixinStandardHelpOptions = true)
  static final class RotateKey implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @Option(names = "--log", required = true, paramLabel = "DIR", descriptionKey = "audit.opt.log")
    Path log = Path.of(".");

    @Option(names = "--key", paramLabel = "FILE", descriptionKey = "audit.opt.key")
    @Nullable Path key;

    @Override
    public Integer call() throws IOException {
      requireLog(log);
      AuditOptions opts =
          key == null ? AuditOptions.defaults() : AuditOptions.defaults().withKeyFile(key);
      try (AuditLog l = open(log, opts)) {
        out(spec).println(l.rotateKey().vkey());
      }
      return ExitCode.OK;
    }
  }

  /** Table row text of an entry: the event type and the JSON, shortened. */
  static String[] row(Entry e) {
    String type = "-";
    try {
      JsonNode n = JSON.readTree(e.json());
      if (n.hasNonNull("type")) {
        type = n.get("type").asText();
      }
    } catch (IOException ex) {
      type = "?";
    }
    String j = e.json().length() > 100 ? e.json().substring(0, 99) + "…" : e.json();
    // asText() decodes JSON escapes: a type can hold a terminal escape sequence.
    return new String[] {
      String.valueOf(e.index()),
      e.time().toString(),
      TerminalText.clean(type),
      TerminalText.clean(j)
    };
  }

  static ObjectNode json(Entry e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("index", e.index());
    o.put("time", e.time().toString());
    try {
      o.set("event", JSON.readTree(e.json()));
    } catch (IOException ex) {
      o.put("raw", e.json());
    }
    return o;
  }

  static void print(PrintWriter out, ArrayDeque<Entry> entries, String format) throws IOException {
    if (format.equals("json")) {
      ArrayNode a = JSON.createArrayNode();
      entries.forEach(e -> a.add(json(e)));
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(a));
      return;
    }
    out.printf("%-8s %-27s %-22s %s%n", "INDEX", "TIME", "TYPE", "EVENT");
    for (Entry e : entries) {
      String[] r = row(e);
      out.printf("%-8s %-27s %-22s %s%n", r[0], r[1], r[2], r[3]);
    }
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
