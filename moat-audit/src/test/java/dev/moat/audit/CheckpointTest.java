package dev.moat.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signed-note format against the published example of golang.org/x/mod/sumdb/note (note.go and
 * note_test.go): key "PeterNeumann", its private key, verifier key and signature.
 */
final class CheckpointTest {
  private static final String GO_PRIVATE =
      "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  private static final String GO_VKEY =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  private static final String GO_TEXT =
      """
      If you think cryptography is the answer to your problem,
      then you don't know what your problem is.
      """;
  private static final String GO_SIG =
      "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=";

  @Test
  void signingKey_goExample_derivesPublishedVerifierKeyAndSignature() {
    SigningKey k = SigningKey.parse(GO_PRIVATE);
    assertThat(k.verifier().vkey()).isEqualTo(GO_VKEY);
    assertThat(k.verifier().keyIdHex()).isEqualTo("c74f20a3");
    assertThat(k.text()).isEqualTo(GO_PRIVATE);
    byte[] sig = k.sign(GO_TEXT.getBytes(StandardCharsets.UTF_8));
    byte[] blob = new byte[4 + sig.length];
    System.arraycopy(k.verifier().keyId(), 0, blob, 0, 4);
    System.arraycopy(sig, 0, blob, 4, sig.length);
    assertThat(Base64.getEncoder().encodeToString(blob)).isEqualTo(GO_SIG);
  }

  @Test
  void verifierKey_mangledId_isRejected() {
    assertThatThrownBy(() -> VerifierKey.parse(GO_VKEY.replace("c74f20a3", "c74f20a4")))
        .hasMessageContaining("key id");
  }

  @Test
  void checkpoint_signed_hasC2spLayoutAndVerifies() {
    SigningKey k = SigningKey.generate("example.org/log");
    byte[] root = Merkle.leafHash(new byte[] {1});
    Checkpoint cp =
        Checkpoint.sign("example.org/log", 7, root, Instant.ofEpochSecond(1700000000), List.of(k));
    String[] lines = cp.text().split("\n");
    assertThat(lines[0]).isEqualTo("example.org/log");
    assertThat(lines[1]).isEqualTo("7");
    assertThat(lines[2]).isEqualTo(Base64.getEncoder().encodeToString(root));
    assertThat(lines[3]).isEmpty();
    assertThat(lines[4]).startsWith("\u2014 example.org/log ");
    byte[] blob = Base64.getDecoder().decode(lines[4].split(" ")[2]);
    assertThat(blob).hasSize(68).startsWith(k.verifier().keyId());
    Checkpoint back = Checkpoint.verify(cp.text(), List.of(k.verifier()));
    assertThat(back.size()).isEqualTo(7);
    assertThat(back.root()).isEqualTo(root);
    assertThat(back.time()).contains(Instant.ofEpochSecond(1700000000));
  }

  @Test
  void checkpoint_wrongKey_isRejected() {
    SigningKey k = SigningKey.generate("example.org/log");
    SigningKey other = SigningKey.generate("example.org/log");
    Checkpoint cp =
        Checkpoint.sign("example.org/log", 1, Merkle.emptyRoot(), Instant.EPOCH, List.of(k));
    assertThatThrownBy(() -> Checkpoint.verify(cp.text(), List.of(other.verifier())))
        .isInstanceOf(Checkpoint.CheckpointException.class)
        .hasMessageContaining("no valid signature by a trusted key");
  }

  @Test
  void checkpoint_alteredSize_isRejected() {
    SigningKey k = SigningKey.generate("example.org/log");
    Checkpoint cp =
        Checkpoint.sign("example.org/log", 5, Merkle.emptyRoot(), Instant.EPOCH, List.of(k));
    String forged = cp.text().replaceFirst("\n5\n", "\n4\n");
    assertThatThrownBy(() -> Checkpoint.verify(forged, List.of(k.verifier())))
        .hasMessageContaining("invalid signature");
  }
}
