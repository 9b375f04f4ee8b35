package dev.moat.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 public key with its C2SP signed-note name, in the note "vkey" text form {@code
 * <name>+<hex key id>+<base64(0x01 || 32-byte key)>} that Go's {@code golang.org/x/mod/sumdb/note}
 * and the transparency-dev tools read.
 *
 * <p>Key ids follow the signed-note spec: the first four bytes of {@code SHA-256(name || 0x0A ||
 * type || key)}, with type 0x01 for Ed25519 note signatures and 0x04 for timestamped cosignatures.
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out; equals compares contents
public record VerifierKey(String name, byte[] publicKey) {
  static final byte TYPE_ED25519 = 0x01;
  static final byte TYPE_COSIGNATURE_V1 = 0x04;
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  /** Validates the name and key length. */
  public VerifierKey {
    checkName(name);
    if (publicKey.length != 32) {
      throw new IllegalArgumentException(
          "Ed25519 public key must be 32 bytes: " + publicKey.length);
    }
    publicKey = publicKey.clone();
  }

  /** Key names are non-empty and hold no whitespace or '+' (signed-note). */
  static void checkName(String name) {
    if (name.isEmpty() || name.chars().anyMatch(c -> c == '+' || Character.isWhitespace(c))) {
      throw new IllegalArgumentException(
          "key name must be non-empty without spaces or '+': \"" + name + "\"");
    }
  }

  /** Parses the vkey text form; the key id in the text must match the key. */
  public static VerifierKey parse(String vkey) {
    String s = vkey.strip();
    int a = s.indexOf('+');
    int b = a < 0 ? -1 : s.indexOf('+', a + 1);
    if (a <= 0 || b < 0) {
      throw new IllegalArgumentException("not a note verifier key (name+id+key): " + abbreviate(s));
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(s.substring(b + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("verifier key is not valid base64: " + abbreviate(s), e);
    }
    if (raw.length != 33 || raw[0] != TYPE_ED25519) {
      throw new IllegalArgumentException("verifier key is not an Ed25519 key: " + abbreviate(s));
    }
    VerifierKey k = new VerifierKey(s.substring(0, a), Arrays.copyOfRange(raw, 1, 33));
    if (!HexFormat.of().formatHex(k.keyId()).equals(s.substring(a + 1, b))) {
      throw new IllegalArgumentException(
          "verifier key id does not match its key: " + abbreviate(s));
    }
    return k;
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  /** The 4-byte key id of Ed25519 note signatures. */
  public byte[] keyId() {
    return keyId(name, TYPE_ED25519, publicKey);
  }

  /** The 4-byte key id of timestamped cosignatures (cosignature/v1). */
  public byte[] cosignatureKeyId() {
    return keyId(name, TYPE_COSIGNATURE_V1, publicKey);
  }

  static byte[] keyId(String name, byte type, byte[] key) {
    MessageDigest md = Merkle.sha256();
    md.update(name.getBytes(StandardCharsets.UTF_8));
    md.update((byte) '\n');
    md.update(type);
    md.update(key);
    return Arrays.copyOf(md.digest(), 4);
  }

  /** The vkey text form. */
  public String vkey() {
    byte[] raw = ByteBuffer.allocate(33).put(TYPE_ED25519).put(publicKey).array();
    return name
        + "+"
        + HexFormat.of().formatHex(keyId())
        + "+"
        + Base64.getEncoder().encodeToString(raw);
  }

  /** The key id as 8 hex digits. */
  public String keyIdHex() {
    return HexFormat.of().formatHex(keyId());
  }

  /** True when {@code signature} is this key's Ed25519 signature of {@code message}. */
  public boolean verify(byte[] message, byte[] signature) {
    try {
      Signature v = Signature.getInstance("Ed25519");
      v.initVerify(jdkKey());
      v.update(message);
      return v.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  PublicKey jdkKey() throws GeneralSecurityException {
    byte[] spki = ByteBuffer.allocate(44).put(SPKI_PREFIX).put(publicKey).array();
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
  }

  static byte[] raw(PublicKey key) {
    byte[] enc = key.getEncoded();
    return Arrays.copyOfRange(enc, enc.length - 32, enc.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerifierKey k
        && k.name.equals(name)
        && Arrays.equals(k.publicKey, publicKey);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return vkey();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }
}
