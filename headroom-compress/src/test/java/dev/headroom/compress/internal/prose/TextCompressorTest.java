package dev.headroom.compress.internal.prose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.compress.internal.spi.Inputs;
import org.junit.jupiter.api.Test;

class TextCompressorTest {

  @Test
  void onlyTrailingBlanksAndLongBlankRunsGoFromCode() {
    String code = "func a() {   \n\treturn 1\t\n}\n\n\n\n\nfunc b() {}\n";
    String out = new TextCompressor(true).compress(Inputs.of(code, "", 10)).orElseThrow().text();
    assertEquals("func a() {\n\treturn 1\n}\n\n\nfunc b() {}\n", out);
  }

  @Test
  void markdownHardBreaksAreKeptInProse() {
    String prose = "line one  \nline two\n";
    assertTrue(new TextCompressor(false).compress(Inputs.of(prose, "", 10)).isEmpty());
  }

  @Test
  void cleanTextIsLeftAlone() {
    assertTrue(new TextCompressor(true).compress(Inputs.of("a\nb\n", "", 10)).isEmpty());
  }
}
