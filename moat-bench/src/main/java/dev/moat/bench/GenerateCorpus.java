package dev.moat.bench;

import dev.moat.core.detect.LabeledCorpus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the seeded mixed corpus (Chinese/English prose, logs, JSON, CSV with planted entities and
 * confounders) to a file. Usage: {@code GenerateCorpus OUT MEGABYTES [SEED]}.
 */
public final class GenerateCorpus {
  private GenerateCorpus() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    long mb = Long.parseLong(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261128L;
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      LabeledCorpus.write(seed, Long.MAX_VALUE, new BoundedWriter(w, mb * 1024 * 1024));
    } catch (BoundedWriter.Full e) {
      // reached the byte target
    }
  }

  /** Stops once {@code limit} UTF-8 bytes were written, at a line end. */
  private static final class BoundedWriter extends Writer {
    static final class Full extends IOException {
      private static final long serialVersionUID = 1L;
    }

    private final Writer w;
    private final long limit;
    private long bytes;

    BoundedWriter(Writer w, long limit) {
      this.w = new BufferedWriter(w, 1 << 16);
      this.limit = limit;
    }

    @Override
    public void write(char[] c, int off, int len) throws IOException {
      for (int i = off; i < off + len; i++) {
        char ch = c[i];
        w.write(ch);
        bytes += ch < 0x80 ? 1 : ch < 0x800 ? 2 : Character.isSurrogate(ch) ? 2 : 3;
        if (ch == '\n' && bytes >= limit) {
          w.flush();
          throw new Full();
        }
      }
    }

    @Override
    public void flush() throws IOException {
      w.flush();
    }

    @Override
    public void close() throws IOException {
      w.close();
    }
  }
}
