package dev.moat.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Checks that bytes are exactly one JSON object (streaming, no tree built). Thread-safe. */
final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /**
   * Validates {@code json}.
   *
   * @throws IllegalArgumentException saying what is wrong and at which column
   */
  static void checkObject(byte[] json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      p.skipChildren();
      if (p.nextToken() != null) {
        throw new IllegalArgumentException(
            "unexpected content after the JSON object at column "
                + p.currentTokenLocation().getColumnNr());
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "malformed JSON at column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable JSON: " + e.getMessage(), e);
    }
  }
}
