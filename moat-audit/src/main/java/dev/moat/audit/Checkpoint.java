package dev.moat.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A signed checkpoint in the C2SP {@code tlog-checkpoint} form: a signed note whose body is the
 * origin line, the tree size in decimal and the base64 root hash, then a blank line and signature
 * lines {@code — <key name> <base64(key id || signature)>}.
 *
 * <p>Moat adds, after its Ed25519 note signature, a C2SP {@code cosignature/v1} line by the same
 * key that carries the signing time: the body stays exactly three lines (extension lines are NOT
 * RECOMMENDED), and standard verifiers ignore the line they do not know.
 *
 * @param origin the log's origin line
 * @param size the tree size
 * @param root the root hash (32 bytes)
 * @param time the signing time from the cosignature, if one verified or was made
 * @param text the whole note as signed or parsed
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out; equality is on the text
public record Checkpoint(
    String origin, long size, byte[] root, Optional<Instant> time, String text) {
  private static final String DASH = "\u2014 ";

  /** Validates. */
  public Checkpoint {
    if (origin.isEmpty() || origin.contains("\n")) {
      throw new IllegalArgumentException("origin must be one non-empty line: " + origin);
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0: " + size);
    }
    if (root.length != Merkle.HASH_LEN) {
      throw new IllegalArgumentException("root must be 32 bytes: " + root.length);
    }
    root = root.clone();
  }

  /** The three-line body that is signed. */
  public static String body(String origin, long size, byte[] root) {
    return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
  }

  /** The body of this checkpoint. */
  public String body() {
    return body(origin, size, root);
  }

  @Override
  public byte[] root() {
    return root.clone();
  }

  /** Signs a checkpoint with every key given (first one also timestamps it). */
  public static Checkpoint sign(
      String origin, long size, byte[] root, Instant now, List<SigningKey> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("at least one signing key is needed");
    }
    String body = body(origin, size, root);
    byte[] msg = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder note = new StringBuilder(body).append('\n');
    for (SigningKey k : keys) {
      byte[] sig = k.sign(msg);
      byte[] blob = ByteBuffer.allocate(4 + sig.length).put(k.verifier().keyId()).put(sig).array();
      note.append(DASH).append(k.name()).append(' ');
      note.append(Base64.getEncoder().encodeToString(blob)).append('\n');
    }
    SigningKey first = keys.get(0);
    long secs = now.getEpochSecond();
    byte[] cosig = first.sign(cosignedMessage(secs, body));
    byte[] blob =
        ByteBuffer.allocate(4 + 8 + cosig.length)
            .put(first.verifier().cosignatureKeyId())
            .putLong(secs)
            .put(cosig)
            .array();
    note.append(DASH).append(first.name()).append(' ');
    note.append(Base64.getEncoder().encodeToString(blob)).append('\n');
    return new Checkpoint(
        origin, size, root, Optional.of(Instant.ofEpochSecond(secs)), note.toString());
  }

  private static byte[] cosignedMessage(long secs, String body) {
    return ("cosignature/v1\ntime " + secs + "\n" + body).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses a signed checkpoint and checks its signatures: at least one Ed25519 note signature by a
   * trusted key must verify, any signature line that claims a trusted key must verify, and lines of
   * unknown keys are ignored (signed-note). Fails closed.
   *
   * @throws CheckpointException naming what is wrong
   */
  public static Checkpoint verify(String note, List<VerifierKey> trusted) {
    int split = note.lastIndexOf("\n\n");
    if (split < 0 || !note.endsWith("\n")) {
      throw new CheckpointException("not a signed note: no blank line before the signatures");
    }
    String body = note.substring(0, split + 1);
    String[] lines = body.split("\n", -1);
    if (lines.length != 4 || !lines[3].isEmpty()) {
      throw new CheckpointException("checkpoint body must be three lines: origin, size, root");
    }
    String origin = lines[0];
    long size;
    byte[] root;
    try {
      if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
        throw new NumberFormatException(lines[1]);
      }
      size = Long.parseLong(lines[1]);
      root = Base64.getDecoder().decode(lines[2]);
    } catch (IllegalArgumentException e) {
      throw new CheckpointException("checkpoint size or root is malformed: " + e.getMessage());
    }
    if (root.length != Merkle.HASH_LEN || origin.isEmpty()) {
      throw new CheckpointException("checkpoint root must be 32 bytes and origin non-empty");
    }
    byte[] msg = body.getBytes(StandardCharsets.UTF_8);
    boolean signed = false;
    Optional<Instant> time = Optional.empty();
    for (String line : note.substring(split + 2).split("\n")) {
      if (!line.startsWith(DASH)) {
        throw new CheckpointException("malformed signature line: " + line);
      }
      String[] parts = line.substring(DASH.length()).split(" ");
      byte[] blob;
      try {
        blob = parts.length == 2 ? Base64.getDecoder().decode(parts[1]) : new byte[0];
      } catch (IllegalArgumentException e) {
        blob = new byte[0];
      }
      if (blob.length < 5) {
        throw new CheckpointException("malformed signature line: " + line);
      }
      byte[] id = Arrays.copyOf(blob, 4);
      for (VerifierKey k : trusted) {
        if (!k.name().equals(parts[0])) {
          continue;
        }
        if (MessageDigest.isEqual(id, k.keyId())) {
          if (!k.verify(msg, Arrays.copyOfRange(blob, 4, blob.length))) {
            throw new CheckpointException("invalid signature by key " + k.keyIdHex());
          }
          signed = true;
        } else if (MessageDigest.isEqual(id, k.cosignatureKeyId()) && blob.length == 4 + 8 + 64) {
          long secs = ByteBuffer.wrap(blob, 4, 8).getLong();
          if (!k.verify(cosignedMessage(secs, body), Arrays.copyOfRange(blob, 12, blob.length))) {
            throw new CheckpointException("invalid timestamp cosignature by key " + k.keyIdHex());
          }
          time = Optional.of(Instant.ofEpochSecond(secs));
        }
      }
    }
    if (!signed) {
      throw new CheckpointException(
          "no valid signature by a trusted key ("
              + names(trusted)
              + ") on checkpoint of "
              + origin);
    }
    return new Checkpoint(origin, size, root, time, note);
  }

  private static String names(List<VerifierKey> keys) {
    List<String> out = new ArrayList<>();
    for (VerifierKey k : keys) {
      out.add(k.name() + "+" + k.keyIdHex());
    }
    return String.join(", ", out);
  }

  /** Root as base64. */
  public String rootBase64() {
    return Base64.getEncoder().encodeToString(root);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint c && c.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  /** A checkpoint that is malformed or not signed by a trusted key. */
  public static final class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CheckpointException(String message) {
      super(message);
    }
  }
}
