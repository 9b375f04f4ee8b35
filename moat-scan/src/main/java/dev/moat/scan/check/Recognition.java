package dev.moat.scan.check;

/**
 * A recogniser's verdict on the bytes a port sent so far: it is the service ({@link Match}), it is
 * not ({@link NoMatch}, stop reading and try the next probe), or more bytes are needed ({@link
 * NeedMore}).
 */
public sealed interface Recognition {

  /** The service is recognised. */
  record Match(Identity identity) implements Recognition {
    public Match {
      java.util.Objects.requireNonNull(identity, "identity");
    }
  }

  /** The bytes rule this service out. */
  record NoMatch() implements Recognition {}

  /** Not enough bytes to decide. */
  record NeedMore() implements Recognition {}

  /** Shared instance. */
  Recognition NO = new NoMatch();

  /** Shared instance. */
  Recognition MORE = new NeedMore();

  /** A match for {@code identity}. */
  static Recognition match(Identity identity) {
    return new Match(identity);
  }
}
