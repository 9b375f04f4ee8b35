package dev.moat.bench;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A lower bound for {@code moat detect} on this machine: what a JVM costs when it does only a small
 * part of the work, one thread. Each mode does more than the one before it:
 *
 * <ul>
 *   <li>{@code start}: nothing (JVM start and exit, from the same jar);
 *   <li>{@code read}: reads the file in 1 MiB blocks;
 *   <li>{@code tokens}: also splits the bytes into runs of ASCII letters, digits and {@code @._}
 *       (one class-table lookup per ASCII byte; a UTF-8 lead byte of a three-byte char skips the
 *       char), as the first pass of {@code Utf8Scan} does;
 *   <li>{@code lean}: also counts lines and, for every all-digit run, checks an 18-digit run with
 *       the GB 11643 check digit, a 15–19-digit run with Luhn and an 11-digit run starting with 1,
 *       and writes a jsonl line with the line, byte offsets and a 3/4 mask for each one that
 *       passes.
 * </ul>
 *
 * <p>{@code lean} is nowhere near {@code moat detect}: one of 25 detectors' checks, no context
 * words, no separators or full-width forms, no overlap resolution, byte offsets instead of
 * code-point columns, no escaping. It only says how much time is left for the real work when the
 * JVM and a single pass over the bytes have had theirs. Usage: {@code DetectFloor MODE FILE}; the
 * count of runs and hits goes to stderr.
 */
public final class DetectFloor {
  private DetectFloor() {}

  /** Class bits of ASCII bytes: 1 digit, 2 letter or {@code _}, 4 {@code @}, 8 {@code .}. */
  private static final byte[] CLASS = new byte[128];

  static {
    for (int c = '0'; c <= '9'; c++) {
      CLASS[c] = 1;
    }
    for (int c = 'A'; c <= 'Z'; c++) {
      CLASS[c] = 2;
      CLASS[c + 32] = 2;
    }
    CLASS['_'] = 2;
    CLASS['@'] = 4;
    CLASS['.'] = 8;
  }

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final byte[] CHECK = "10X98765432".getBytes(StandardCharsets.US_ASCII);

  public static void main(String[] args) throws IOException {
    if (args.length != 2 || !args[0].matches("start|read|tokens|lean")) {
      System.err.println("usage: DetectFloor start|read|tokens|lean FILE");
      System.exit(2);
    }
    String mode = args[0];
    if (mode.equals("start")) {
      return;
    }
    boolean tokens = !mode.equals("read");
    boolean lean = mode.equals("lean");
    long runs = 0;
    long hits = 0;
    long line = 1;
    byte[] b = new byte[1 << 20];
    byte[] row = new byte[256];
    try (InputStream in = Files.newInputStream(Path.of(args[1]));
        OutputStream out =
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16)) {
      long base = 0;
      int len = 0;
      while (true) {
        int r = in.read(b, len, b.length - len);
        boolean eof = r < 0;
        len += Math.max(r, 0);
        if (!tokens) {
          len = 0;
          if (eof) {
            break;
          }
          continue;
        }
        // Runs that reach the end of the block wait for the next read, unless input ended.
        int limit = eof ? len : Math.max(0, len - 64);
        int i = 0;
        while (i < limit) {
          int c = b[i];
          if (c < 0) {
            i += (c & 0xF0) == 0xE0 ? 3 : 1;
            continue;
          }
          if (c == '\n') {
            line++;
          }
          int k = CLASS[c];
          if (k == 0) {
            i++;
            continue;
          }
          int j = i + 1;
          while (j < len && b[j] >= 0 && CLASS[b[j]] != 0) {
            k |= CLASS[b[j]];
            j++;
          }
          if (j == len && !eof && i > 0) {
            break; // the run may go on in the next block
          }
          runs++;
          if (lean && k == 1 && valid(b, i, j)) {
            hits++;
            out.write(row, 0, jsonl(row, line, base + i, base + j, b, i, j));
          }
          i = j;
        }
        if (eof) {
          break;
        }
        System.arraycopy(b, i, b, 0, len - i);
        base += i;
        len -= i;
      }
    }
    System.err.printf("%s: %d runs, %d hits%n", mode, runs, hits);
  }

  /** Whether the digits {@code b[s, e)} pass the check their length calls for. */
  private static boolean valid(byte[] b, int s, int e) {
    int n = e - s;
    if (n == 18) {
      int sum = 0;
      for (int q = 0; q < 17; q++) {
        sum += (b[s + q] - '0') * WEIGHTS[q];
      }
      return CHECK[sum % 11] == b[s + 17];
    }
    if (n >= 15 && n <= 19) {
      int sum = 0;
      boolean twice = false;
      for (int q = e - 1; q >= s; q--) {
        int d = b[q] - '0';
        if (twice) {
          d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        }
        sum += d;
        twice = !twice;
      }
      return sum % 10 == 0;
    }
    return n == 11 && b[s] == '1';
  }

  /** Writes a jsonl line for the hit {@code b[s, e)} into {@code row}; returns its length. */
  private static int jsonl(byte[] row, long line, long start, long end, byte[] b, int s, int e) {
    String head =
        "{\"line\":" + line + ",\"start\":" + start + ",\"end\":" + end + ",\"masked\":\"";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(h, 0, row, 0, h.length);
    int p = h.length;
    for (int q = s; q < e; q++) {
      row[p++] = q - s < 3 || e - q <= 4 ? b[q] : (byte) '*';
    }
    row[p++] = '"';
    row[p++] = '}';
    row[p++] = '\n';
    return p;
  }
}
