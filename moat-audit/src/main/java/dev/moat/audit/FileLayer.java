package dev.moat.audit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The small file interface the log writes its segments and tree files through, so that tests can
 * put a layer underneath that forgets every byte not yet {@link StorageFile#force() forced}, as a
 * power cut would. {@link #disk()} is the real one.
 */
public interface FileLayer {
  /** Opens {@code path} for reading and writing, creating it if {@code create}. */
  StorageFile open(Path path, boolean create) throws IOException;

  /** The operating system's files through {@link FileChannel}. */
  static FileLayer disk() {
    return (path, create) -> {
      FileChannel ch =
          create
              ? FileChannel.open(
                  path,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.CREATE)
              : FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
      return new DiskFile(ch);
    };
  }

  /** A file with positional reads and writes and an explicit durability barrier. */
  interface StorageFile extends Closeable {
    /** Writes all of {@code src} at {@code position}. */
    void write(ByteBuffer src, long position) throws IOException;

    /** Reads into {@code dst} from {@code position}; -1 at end of file. */
    int read(ByteBuffer dst, long position) throws IOException;

    /** The current size. */
    long size() throws IOException;

    /** Cuts the file to {@code size} bytes. */
    void truncate(long size) throws IOException;

    /** Makes every byte written so far durable (fdatasync). */
    void force() throws IOException;
  }

  /** {@link StorageFile} over a {@link FileChannel}. */
  final class DiskFile implements StorageFile {
    private final FileChannel ch;

    DiskFile(FileChannel ch) {
      this.ch = ch;
    }

    @Override
    public void write(ByteBuffer src, long position) throws IOException {
      long p = position;
      while (src.hasRemaining()) {
        p += ch.write(src, p);
      }
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return ch.read(dst, position);
    }

    @Override
    public long size() throws IOException {
      return ch.size();
    }

    @Override
    public void truncate(long size) throws IOException {
      ch.truncate(size);
    }

    @Override
    public void force() throws IOException {
      // force(false) is fdatasync on Linux: data plus the size change, not the mtime.
      ch.force(false);
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }
}
