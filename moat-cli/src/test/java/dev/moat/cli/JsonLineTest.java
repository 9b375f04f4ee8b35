package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The jsonl line buffer writes exactly what {@link Json#string} and {@code Long.toString} do. */
final class JsonLineTest {

  private static String line(JsonLine b) throws IOException {
    StringWriter w = new StringWriter();
    b.writeTo(w);
    return w.toString();
  }

  @Test
  void string_trickyChars_escapedLikeJson() throws IOException {
    String[] values = {
      "",
      "plain",
      "引号\"和\\反斜杠",
      "tab\tnl\ncr\r",
      "\u0001\u001f",
      "\u2028\u2029",
      "😀 paired",
      "lone \uD83D high",
      "lone \uDE00 low",
      "end \uD83D",
      "\uDE00 start",
      "x".repeat(3000)
    };
    for (String v : values) {
      JsonLine b = new JsonLine();
      b.string(v);
      assertThat(line(b)).as(v).isEqualTo(Json.string(v));
    }
  }

  @Test
  void string_randomChars_escapedLikeJson() throws IOException {
    Random r = new Random(3);
    for (int i = 0; i < 2000; i++) {
      char[] c = new char[r.nextInt(20)];
      for (int k = 0; k < c.length; k++) {
        c[k] = r.nextBoolean() ? (char) r.nextInt(0x80) : (char) r.nextInt(0x10000);
      }
      String v = new String(c);
      JsonLine b = new JsonLine();
      b.string(v);
      assertThat(line(b)).isEqualTo(Json.string(v));
    }
  }

  @Test
  void number_anyValue_likeLongToString() throws IOException {
    long[] values = {0, 1, 9, 10, 99, 100, 123456789, Integer.MAX_VALUE, Long.MAX_VALUE, -1, -42};
    for (long v : values) {
      JsonLine b = new JsonLine();
      b.number(v);
      assertThat(line(b)).isEqualTo(Long.toString(v));
    }
  }

  @Test
  void clear_reusesTheBuffer() throws IOException {
    JsonLine b = new JsonLine();
    b.raw("{\"a\":");
    b.number(5);
    b.raw("}");
    b.clear();
    b.raw("x");

    assertThat(line(b)).isEqualTo("x");
  }
}
