package dev.headroom.compress.internal.livezone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class JsonStringsTest {

  private static final JsonFactory PLAIN = JsonFactory.builder().build();
  private static final JsonFactory ASCII =
      JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  @Provide
  Arbitrary<String> values() {
    // Controls, quotes and backslashes, Latin-1, CJK, and surrogates (pairs and lone ones).
    return Arbitraries.strings()
        .withCharRange('\u0000', '\u007f')
        .withCharRange('\u00a0', '\u00ff')
        .withCharRange('\u4e00', '\u4e20')
        .withCharRange('\ud83d', '\ud83e')
        .withCharRange('\ude00', '\ude10')
        .ofMaxLength(120);
  }

  @Property(tries = 2000)
  void decodesWhatJacksonDecodesWhetherNonAsciiIsRawOrEscaped(@ForAll("values") String value)
      throws IOException {
    for (JsonFactory writer : new JsonFactory[] {PLAIN, ASCII}) {
      byte[] token = encode(writer, value);
      String expected = jackson(token);
      String decoded = JsonStrings.decode(token, 0, token.length);
      if (decoded != null) {
        assertEquals(expected, decoded);
      } else {
        assertEquals(true, hasLoneSurrogate(expected), "only a lone surrogate is left to Jackson");
      }
    }
  }

  @Test
  void everyEscapeFormJsonAllows() throws IOException {
    byte[] token =
        "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u20AC\\uD83D\\uDE00 é €\""
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(jackson(token), JsonStrings.decode(token, 0, token.length));
    assertEquals("a\"b\\c/d\b\f\n\r\té€😀 é €", JsonStrings.decode(token, 0, token.length));
  }

  @Test
  void aTokenInsideALargerBodyIsReadAtItsOffsets() {
    byte[] body = "{\"k\":\"x\\ny\"}".getBytes(StandardCharsets.UTF_8);
    assertEquals("x\ny", JsonStrings.decode(body, 5, body.length - 1));
  }

  @Test
  void anEscapedLoneSurrogateIsLeftToJackson() {
    byte[] token = "\"a\\uD800b\"".getBytes(StandardCharsets.UTF_8);
    assertNull(JsonStrings.decode(token, 0, token.length));
  }

  private static byte[] encode(JsonFactory factory, String value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeString(value);
    }
    return out.toByteArray();
  }

  private static String jackson(byte[] token) throws IOException {
    try (JsonParser p = PLAIN.createParser(token)) {
      p.nextToken();
      return p.getText();
    }
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
