package dev.moat.scan.check;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * One TCP (or TLS) connection to a target, with the scan's {@link Limits} enforced on every read:
 * each read waits at most {@code readTimeout}, no read waits past the connection's {@code budget},
 * and no more than {@code readCap} bytes are ever read. A peer that stays silent, trickles one byte
 * a second or streams without end therefore costs bounded time and memory.
 *
 * <p>Design: blocking I/O on a platform thread (checks run on a bounded pool); the budget is turned
 * into a shrinking {@code SO_TIMEOUT} before each read. Not thread-safe: one check, one thread. TLS
 * trusts any certificate — the scanner identifies services, it does not authenticate them.
 */
public final class Connection implements AutoCloseable {
  private static final int BUFFER = 4096;

  private final Socket socket;
  private final Limits limits;
  private final long deadlineNanos;
  private final InputStream rawIn;
  private final OutputStream out;
  private long bytesRead;
  private final InputStream in = new LimitedInput();

  private Connection(Socket socket, Limits limits, long deadlineNanos) throws IOException {
    this.socket = socket;
    this.limits = limits;
    this.deadlineNanos = deadlineNanos;
    this.rawIn = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /**
   * Connects to {@code address}, over TLS when {@code tls} is set.
   *
   * @throws IOException when the connect or TLS handshake fails or times out
   */
  public static Connection open(InetSocketAddress address, boolean tls, Limits limits)
      throws IOException {
    long deadline = System.nanoTime() + limits.budget().toNanos();
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.connect(address, millis(limits.connectTimeout().toMillis()));
      if (tls) {
        SSLSocket ssl =
            (SSLSocket)
                trustAll()
                    .getSocketFactory()
                    .createSocket(s, address.getHostString(), address.getPort(), true);
        ssl.setSoTimeout(millis(limits.connectTimeout().toMillis()));
        ssl.startHandshake();
        return new Connection(ssl, limits, deadline);
      }
      return new Connection(s, limits, deadline);
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /** The limits of this connection. */
  public Limits limits() {
    return limits;
  }

  /** True when the connection runs over TLS. */
  public boolean tls() {
    return socket instanceof SSLSocket;
  }

  /** Writes and flushes {@code bytes}. */
  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Writes {@code text} as UTF-8 and flushes. */
  public void write(String text) throws IOException {
    write(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The input side with the limits applied: reads throw {@link SocketTimeoutException} when a
   * timeout or the budget runs out and {@link ReadCapExceededException} past the read cap. Hand it
   * to protocol decoders.
   */
  public InputStream input() {
    return in;
  }

  /** The output side, unbuffered. */
  public OutputStream output() {
    return out;
  }

  /** Reads exactly {@code n} bytes or throws {@link EOFException}. */
  public byte[] readExactly(int n) throws IOException {
    byte[] b = new byte[n];
    int off = 0;
    while (off < n) {
      int r = in.read(b, off, n - off);
      if (r < 0) {
        throw new EOFException("peer closed after " + off + " of " + n + " bytes");
      }
      off += r;
    }
    return b;
  }

  /** Reads one byte, or throws {@link EOFException} at end of stream. */
  public int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("peer closed");
    }
    return b;
  }

  /**
   * Reads one line ending in LF (a preceding CR is dropped), decoded as UTF-8.
   *
   * @param maxLength longest line accepted, in bytes
   * @throws IOException at end of stream, timeout or when the line is longer than {@code maxLength}
   */
  public String readLine(int maxLength) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = readByte();
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int len =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, len, StandardCharsets.UTF_8);
      }
      if (line.size() >= maxLength) {
        throw new IOException("line longer than " + maxLength + " bytes");
      }
      line.write(b);
    }
  }

  /**
   * Reads whatever arrives until the peer closes, {@code max} bytes are in, or no byte comes within
   * the read timeout (or the budget ends). Never throws on timeout: it returns what it has.
   */
  public byte[] readAvailable(int max) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buf = new byte[Math.min(max, 8192)];
    while (got.size() < max) {
      int r;
      try {
        r = in.read(buf, 0, Math.min(buf.length, max - got.size()));
      } catch (SocketTimeoutException e) {
        break;
      }
      if (r < 0) {
        break;
      }
      got.write(buf, 0, r);
    }
    return got.toByteArray();
  }

  /** Bytes received so far (read, or waiting in the input's buffer). */
  public long bytesRead() {
    return bytesRead;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing a socket to a scanned peer: nothing to do if it fails
    }
  }

  private int prepareRead() throws IOException {
    long left = deadlineNanos - System.nanoTime();
    if (left <= 0) {
      throw new SocketTimeoutException("connection budget of " + limits.budget() + " used up");
    }
    if (bytesRead >= limits.readCap()) {
      throw new ReadCapExceededException(limits.readCap());
    }
    long wait = Math.min(limits.readTimeout().toNanos(), left) / 1_000_000L;
    socket.setSoTimeout(millis(Math.max(1, wait)));
    return (int) Math.min(Integer.MAX_VALUE, limits.readCap() - bytesRead);
  }

  private static int millis(long ms) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, ms));
  }

  /** An {@link SSLContext} that accepts any certificate, for identification only. */
  static SSLContext trustAll() {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {new AcceptAll()}, new SecureRandom());
      return ctx;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("TLS unavailable in this JVM", e);
    }
  }

  /** Thrown when a peer sends more than the read cap. */
  public static final class ReadCapExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    ReadCapExceededException(int cap) {
      super("peer sent more than the read cap of " + cap + " bytes");
    }
  }

  /**
   * The limited input, buffered: one socket read fills up to {@value #BUFFER} bytes, so a decoder
   * reading byte by byte (a header line, a RESP reply) costs one system call per packet, not one
   * per byte. A read never waits for more than the peer has sent, and bytes taken into the buffer
   * count towards the read cap as soon as they arrive.
   */
  private final class LimitedInput extends InputStream {
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int end;

    /** One read from the socket into {@code b}, within the limits; counts what arrived. */
    private int receive(byte[] b, int off, int len) throws IOException {
      int r = rawIn.read(b, off, Math.min(len, prepareRead()));
      if (r > 0) {
        bytesRead += r;
      }
      return r;
    }

    private boolean fill() throws IOException {
      int r = receive(buf, 0, buf.length);
      if (r <= 0) {
        return false;
      }
      pos = 0;
      end = r;
      return true;
    }

    @Override
    public int read() throws IOException {
      if (pos == end && !fill()) {
        return -1;
      }
      return buf[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (pos == end) {
        if (len >= buf.length) { // large reads go straight to the caller's array
          return receive(b, off, len);
        }
        if (!fill()) {
          return -1;
        }
      }
      int n = Math.min(len, end - pos);
      System.arraycopy(buf, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public int available() throws IOException {
      return (end - pos) + rawIn.available();
    }
  }

  @SuppressWarnings("TrustAllCerts") // identification only; see class Javadoc
  private static final class AcceptAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  @Override
  public String toString() {
    return "Connection[" + socket.getRemoteSocketAddress() + (tls() ? ", tls" : "") + "]";
  }
}
