package dev.moat.audit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The hashes of every perfect subtree, one file per level ({@code tree/level-NN.hash}, 32 bytes per
 * node, node i of level k covering leaves [i·2^k, (i+1)·2^k)). About 64 bytes per record; with it
 * any proof or any earlier root costs O(log n) reads, and leaf hashes stay after a segment is
 * archived.
 *
 * <p>Derived data: written after the segment is forced, forced itself before a checkpoint and when
 * a segment rolls, and rebuilt or cut back from the segments on open. The verifier never trusts it.
 * Writes come from the writer thread only; reads of nodes below the committed size may come from
 * any thread (positional reads).
 */
final class TreeStore implements NodeReader, Closeable {
  static final String DIR = "tree";
  private static final int LEVELS = 64;

  private final Path dir;
  private final FileLayer layer;
  private final FileLayer.StorageFile[] files = new FileLayer.StorageFile[LEVELS];
  private final ByteBuffer[] pending = new ByteBuffer[LEVELS];
  private final long[] pendingStart = new long[LEVELS];

  TreeStore(Path logDir, FileLayer layer) throws IOException {
    this.dir = logDir.resolve(DIR);
    this.layer = layer;
    Files.createDirectories(dir);
  }

  private TreeStore(Path logDir) {
    this.dir = logDir.resolve(DIR);
    this.layer =
        (path, create) ->
            new FileLayer.DiskFile(
                java.nio.channels.FileChannel.open(path, java.nio.file.StandardOpenOption.READ));
  }

  /** A reader of the tree files that never creates or changes a file. */
  static TreeStore readOnly(Path logDir) {
    return new TreeStore(logDir);
  }

  private synchronized FileLayer.StorageFile file(int level) throws IOException {
    FileLayer.StorageFile f = files[level];
    if (f == null) {
      f = layer.open(dir.resolve(String.format("level-%02d.hash", level)), true);
      files[level] = f;
    }
    return f;
  }

  /** Leaves stored durably or not: the length of level 0. */
  long leaves() throws IOException {
    return file(0).size() / Merkle.HASH_LEN;
  }

  /** Buffers a completed subtree; {@link #flush()} writes it. */
  void add(int level, long index, byte[] hash) throws IOException {
    ByteBuffer b = pending[level];
    if (b == null) {
      b = ByteBuffer.allocate(Merkle.HASH_LEN * 1024);
      pending[level] = b;
    }
    if (b.position() > 0
        && (pendingStart[level] + b.position() / Merkle.HASH_LEN != index || !b.hasRemaining())) {
      flushLevel(level);
    }
    if (b.position() == 0) {
      pendingStart[level] = index;
    }
    b.put(hash);
  }

  /** Writes every buffered node. */
  void flush() throws IOException {
    for (int level = 0; level < LEVELS; level++) {
      if (pending[level] != null && pending[level].position() > 0) {
        flushLevel(level);
      }
    }
  }

  private void flushLevel(int level) throws IOException {
    ByteBuffer b = pending[level];
    b.flip();
    file(level).write(b, pendingStart[level] * Merkle.HASH_LEN);
    b.clear();
  }

  /** Makes every written node durable. */
  synchronized void force() throws IOException {
    for (FileLayer.StorageFile f : files) {
      if (f != null) {
        f.force();
      }
    }
  }

  /** Cuts every level back to the nodes of a tree of {@code size} leaves. */
  void truncateTo(long size) throws IOException {
    for (int level = 0; level < LEVELS; level++) {
      long nodes = size >>> level;
      FileLayer.StorageFile f = file(level);
      if (f.size() > nodes * Merkle.HASH_LEN) {
        f.truncate(nodes * Merkle.HASH_LEN);
      }
      if (nodes == 0 && f.size() == 0) {
        break;
      }
    }
  }

  /** The compact range of the first {@code size} leaves, read from the level files. */
  CompactRange compactRange(long size) throws IOException {
    List<byte[]> nodes = new ArrayList<>();
    long begin = 0;
    for (int level = 63; level >= 0; level--) {
      if ((size & (1L << level)) != 0) {
        nodes.add(node(level, begin >>> level));
        begin += 1L << level;
      }
    }
    return CompactRange.of(size, nodes);
  }

  @Override
  public byte[] node(int level, long index) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(Merkle.HASH_LEN);
    long pos = index * Merkle.HASH_LEN;
    FileLayer.StorageFile f = file(level);
    while (b.hasRemaining()) {
      int r = f.read(b, pos + b.position());
      if (r < 0) {
        throw new AuditException(
            "tree file " + DIR + "/level-" + level + " lacks node " + index + "; run verify");
      }
    }
    return b.array();
  }

  @Override
  public synchronized void close() throws IOException {
    IOException first = null;
    for (FileLayer.StorageFile f : files) {
      if (f != null) {
        try {
          f.close();
        } catch (IOException e) {
          first = first == null ? e : first;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
