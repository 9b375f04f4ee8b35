package dev.moat.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tree hashes and proofs against the published RFC 6962 vectors (transparency-dev/merkle). */
final class MerkleVectorsTest {
  private static final List<byte[]> LEAVES = new ArrayList<>();
  private static final Map<Long, byte[]> ROOTS = new TreeMap<>();
  private static final List<Object[]> INCLUSION = new ArrayList<>();
  private static final List<Object[]> CONSISTENCY = new ArrayList<>();

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = MerkleVectorsTest.class.getResourceAsStream("rfc6962-vectors.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(" ");
        switch (f[0]) {
          case "leaf" -> LEAVES.add(f[1].equals("-") ? new byte[0] : hex(f[1]));
          case "root" -> ROOTS.put(Long.parseLong(f[1]), hex(f[2]));
          case "inclusion" ->
              INCLUSION.add(
                  new Object[] {Long.parseLong(f[1]), Long.parseLong(f[2]), hashes(f[3])});
          case "consistency" ->
              CONSISTENCY.add(
                  new Object[] {Long.parseLong(f[1]), Long.parseLong(f[2]), hashes(f[3])});
          default -> throw new IllegalStateException(line);
        }
      }
    }
  }

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  private static List<byte[]> hashes(String s) {
    return s.equals("-")
        ? List.of()
        : Arrays.stream(s.split(",")).map(MerkleVectorsTest::hex).toList();
  }

  private static List<byte[]> leafHashes(int n) {
    return LEAVES.subList(0, n).stream().map(Merkle::leafHash).toList();
  }

  /** Perfect-subtree hashes computed naively from the leaves, as the store would hold them. */
  private static NodeReader nodes() {
    List<byte[]> leaves = leafHashes(LEAVES.size());
    return (level, index) ->
        Merkle.root(leaves.subList((int) (index << level), (int) ((index + 1) << level)));
  }

  @Test
  void root_publishedVectors_match() {
    assertThat(ROOTS).hasSize(8);
    for (Map.Entry<Long, byte[]> e : ROOTS.entrySet()) {
      assertThat(Merkle.root(leafHashes(e.getKey().intValue())))
          .as("root of %d leaves", e.getKey())
          .isEqualTo(e.getValue());
    }
  }

  @Test
  void root_emptyTree_isSha256OfNothing() {
    assertThat(HexFormat.of().formatHex(Merkle.root(List.of())))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void inclusion_generated_equalsPublishedAndVerifies() throws IOException {
    assertThat(INCLUSION).hasSize(5);
    for (Object[] v : INCLUSION) {
      long index = (Long) v[0];
      long size = (Long) v[1];
      @SuppressWarnings("unchecked")
      List<byte[]> want = (List<byte[]>) v[2];
      InclusionProof p = Proofs.inclusion(nodes(), index, size);
      assertThat(p.path()).as("proof %d/%d", index, size).containsExactlyElementsOf(want);
      p.verify(Merkle.leafHash(LEAVES.get((int) index)), ROOTS.get(size));
    }
  }

  @Test
  void inclusion_corrupted_isRejected() {
    for (Object[] v : INCLUSION) {
      long index = (Long) v[0];
      long size = (Long) v[1];
      @SuppressWarnings("unchecked")
      List<byte[]> path = (List<byte[]>) v[2];
      byte[] leaf = Merkle.leafHash(LEAVES.get((int) index));
      byte[] root = ROOTS.get(size);
      List<Runnable> bad = new ArrayList<>();
      bad.add(() -> Proofs.verifyInclusion(index + 1, size, leaf, path, root));
      bad.add(() -> Proofs.verifyInclusion(index, size * 2, leaf, path, root));
      bad.add(
          () -> Proofs.verifyInclusion(index, size, Merkle.leafHash(new byte[] {9}), path, root));
      bad.add(() -> Proofs.verifyInclusion(index, size, leaf, plus(path, root), root));
      bad.add(() -> Proofs.verifyInclusion(index, size, leaf, path, Merkle.emptyRoot()));
      for (int i = 0; i < path.size(); i++) {
        List<byte[]> flipped = flip(path, i);
        bad.add(() -> Proofs.verifyInclusion(index, size, leaf, flipped, root));
      }
      if (!path.isEmpty()) {
        bad.add(
            () ->
                Proofs.verifyInclusion(index, size, leaf, path.subList(0, path.size() - 1), root));
      }
      for (Runnable r : bad) {
        assertThatThrownBy(r::run).isInstanceOf(Proofs.ProofException.class);
      }
    }
  }

  @Test
  void consistency_generated_equalsPublishedAndVerifies() throws IOException {
    assertThat(CONSISTENCY).hasSize(5);
    for (Object[] v : CONSISTENCY) {
      long m = (Long) v[0];
      long n = (Long) v[1];
      @SuppressWarnings("unchecked")
      List<byte[]> want = (List<byte[]>) v[2];
      ConsistencyProof p = Proofs.consistency(nodes(), m, n);
      assertThat(p.path()).as("proof %d→%d", m, n).containsExactlyElementsOf(want);
      p.verify(ROOTS.get(m), ROOTS.get(n));
    }
  }

  @Test
  void consistency_corrupted_isRejected() {
    for (Object[] v : CONSISTENCY) {
      long m = (Long) v[0];
      long n = (Long) v[1];
      @SuppressWarnings("unchecked")
      List<byte[]> path = (List<byte[]>) v[2];
      if (path.isEmpty()) {
        continue;
      }
      byte[] r1 = ROOTS.get(m);
      byte[] r2 = ROOTS.get(n);
      List<Runnable> bad = new ArrayList<>();
      bad.add(() -> Proofs.verifyConsistency(m - 1, n, path, r1, r2));
      bad.add(() -> Proofs.verifyConsistency(m, n * 2, path, r1, r2));
      bad.add(() -> Proofs.verifyConsistency(m, n, path, r2, r1));
      bad.add(() -> Proofs.verifyConsistency(m, n, List.of(), r1, r2));
      bad.add(() -> Proofs.verifyConsistency(m, n, plus(path, r1), r1, r2));
      bad.add(() -> Proofs.verifyConsistency(m, n, path.subList(0, path.size() - 1), r1, r2));
      for (int i = 0; i < path.size(); i++) {
        List<byte[]> flipped = flip(path, i);
        bad.add(() -> Proofs.verifyConsistency(m, n, flipped, r1, r2));
      }
      for (Runnable r : bad) {
        assertThatThrownBy(r::run).isInstanceOf(Proofs.ProofException.class);
      }
    }
  }

  @Test
  void proofs_everySizeUpTo70_verifyAgainstNaiveRoots() throws IOException {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      leaves.add(Merkle.leafHash(("leaf-" + i).getBytes(StandardCharsets.UTF_8)));
    }
    NodeReader nodes =
        (level, index) ->
            Merkle.root(leaves.subList((int) (index << level), (int) ((index + 1) << level)));
    for (int n = 1; n <= 70; n++) {
      byte[] root = Merkle.root(leaves.subList(0, n));
      assertThat(Proofs.rangeHash(nodes, 0, n)).isEqualTo(root);
      for (int i = 0; i < n; i++) {
        Proofs.inclusion(nodes, i, n).verify(leaves.get(i), root);
      }
      for (int m = 0; m <= n; m++) {
        byte[] r1 = Merkle.root(leaves.subList(0, m));
        Proofs.consistency(nodes, m, n).verify(r1, root);
      }
    }
  }

  private static List<byte[]> plus(List<byte[]> path, byte[] extra) {
    List<byte[]> out = new ArrayList<>(path);
    out.add(extra);
    return out;
  }

  private static List<byte[]> flip(List<byte[]> path, int i) {
    List<byte[]> out = new ArrayList<>(path);
    byte[] h = out.get(i).clone();
    h[0] ^= 8;
    out.set(i, h);
    return out;
  }
}
