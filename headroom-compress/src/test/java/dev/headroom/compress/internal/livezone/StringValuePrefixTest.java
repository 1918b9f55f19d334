package dev.headroom.compress.internal.livezone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.headroom.compress.internal.livezone.BodyScan.StringValue;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class StringValuePrefixTest {

  @Property(tries = 3000)
  void aPrefixIsTheStartOfTheValueNeverACutEscapeOrCharacter(
      @ForAll("texts") String text, @ForAll @IntRange(min = 0, max = 120) int maxBytes) {
    byte[] quoted = JsonStringEncoder.getInstance().quoteAsUTF8(text);
    byte[] json = new byte[quoted.length + 2];
    json[0] = '"';
    System.arraycopy(quoted, 0, json, 1, quoted.length);
    json[json.length - 1] = '"';
    StringValue value = new StringValue(new Object[0], json, 0, json.length, null);

    String prefix = value.prefix(maxBytes);

    if (quoted.length <= maxBytes) {
      assertEquals(text, prefix);
    } else if (prefix != null) {
      assertTrue(text.startsWith(prefix), () -> "[" + prefix + "] of [" + text + "]");
      assertTrue(prefix.getBytes(StandardCharsets.UTF_8).length <= maxBytes);
    }
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
            Arbitraries.of("a", "é", "€", "😀", "\n", "\"", "\\", "\u0001", "\t", "word "),
            Arbitraries.strings().withCharRange((char) 0, (char) 0xD7FF).ofMaxLength(3))
        .list()
        .ofMaxSize(40)
        .map(parts -> String.join("", parts));
  }
}
