package dev.headroom.compress.internal.ccr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CcrSinkUtf8LengthTest {

  /** Well-formed text: the length of its UTF-8 encoding. */
  @Property(tries = 3000)
  void isTheEncodedLength(@ForAll("texts") String text) {
    assertEquals(text.getBytes(StandardCharsets.UTF_8).length, CcrSink.utf8Length(text), text);
  }

  @Test
  void aLoneSurrogateCountsThreeBytesAsAnEncoderThatKeepsItWould() {
    assertEquals(3, CcrSink.utf8Length("\uD800"));
    assertEquals(1 + 3 + 4 + 3, CcrSink.utf8Length("a\uDC00\uD83D\uDE00\uD83D"));
    assertEquals(
        2 + 3, CcrSink.utf8Length("é…"), "the first character past ASCII ends the ASCII loop");
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ascii().ofMaxLength(40),
        Arbitraries.strings().withCharRange('\u0000', '\u07FF').ofMaxLength(20),
        Arbitraries.of("a", "é", "…", "\uD83D\uDE00", "{\"k\": 1}")
            .list()
            .ofMaxSize(12)
            .map(l -> String.join("", l)));
  }
}
