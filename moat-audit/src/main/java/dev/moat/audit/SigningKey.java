package dev.moat.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 signing key (JDK {@code Ed25519}, JEP 339) with its note name. Stored in the Go
 * sumdb/note private key form {@code PRIVATE+KEY+<name>+<hex id>+<base64(0x01 || 32-byte seed)>},
 * in a file of mode 0600.
 *
 * <p>Immutable and thread-safe; each signature uses a fresh {@link Signature}.
 */
public final class SigningKey {
  private static final String PREFIX = "PRIVATE+KEY+";

  private final PrivateKey privateKey;
  private final VerifierKey verifier;

  private SigningKey(PrivateKey privateKey, VerifierKey verifier) {
    this.privateKey = privateKey;
    this.verifier = verifier;
  }

  /** A fresh key named {@code name}. */
  public static SigningKey generate(String name) {
    byte[] seed = new byte[32];
    new SecureRandom().nextBytes(seed);
    return fromSeed(name, seed);
  }

  /** The key whose RFC 8032 private key (seed) is {@code seed}. */
  static SigningKey fromSeed(String name, byte[] seed) {
    VerifierKey.checkName(name);
    try {
      // The JDK cannot derive an Ed25519 public key from a private one directly; its key pair
      // generator takes the 32 seed bytes from the random source, so feed it the seed.
      KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
      g.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
      KeyPair pair = g.generateKeyPair();
      PrivateKey priv =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
      return new SigningKey(priv, new VerifierKey(name, VerifierKey.raw(pair.getPublic())));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 unavailable in this JDK", e);
    }
  }

  /** Parses the private key text form. */
  public static SigningKey parse(String text) {
    String s = text.strip();
    if (!s.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a note private key (PRIVATE+KEY+name+id+key)");
    }
    String rest = s.substring(PREFIX.length());
    int a = rest.indexOf('+');
    int b = a < 0 ? -1 : rest.indexOf('+', a + 1);
    if (a <= 0 || b < 0) {
      throw new IllegalArgumentException("malformed note private key");
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(rest.substring(b + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("note private key is not valid base64", e);
    }
    if (raw.length != 33 || raw[0] != VerifierKey.TYPE_ED25519) {
      throw new IllegalArgumentException("note private key is not an Ed25519 key");
    }
    SigningKey k = fromSeed(rest.substring(0, a), Arrays.copyOfRange(raw, 1, 33));
    if (!k.verifier.keyIdHex().equals(rest.substring(a + 1, b))) {
      throw new IllegalArgumentException("note private key id does not match its key");
    }
    return k;
  }

  /** Reads a key file. */
  public static SigningKey read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Writes the key to a new file of mode 0600 (created atomically, never world-readable). */
  public void write(Path file) throws IOException {
    Storage.writeSecret(file, (text() + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The private key text form. */
  String text() {
    byte[] seed =
        ((EdECPrivateKey) privateKey)
            .getBytes()
            .orElseThrow(() -> new IllegalStateException("private key bytes unavailable"));
    byte[] raw = new byte[33];
    raw[0] = VerifierKey.TYPE_ED25519;
    System.arraycopy(seed, 0, raw, 1, 32);
    return PREFIX
        + verifier.name()
        + "+"
        + HexFormat.of().formatHex(verifier.keyId())
        + "+"
        + Base64.getEncoder().encodeToString(raw);
  }

  /** The public half. */
  public VerifierKey verifier() {
    return verifier;
  }

  /** The key's name. */
  public String name() {
    return verifier.name();
  }

  /** An Ed25519 signature of {@code message}. */
  public byte[] sign(byte[] message) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** Hands out fixed bytes once: lets the JDK generator derive the key pair of a known seed. */
  private static final class FixedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] bytes;

    FixedRandom(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] out) {
      if (out.length != bytes.length) {
        throw new IllegalStateException("expected a request for " + bytes.length + " bytes");
      }
      System.arraycopy(bytes, 0, out, 0, out.length);
    }
  }
}
