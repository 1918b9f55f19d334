package dev.headroom.compress.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class AnsiTest {

  @Test
  void coloursCursorMovesAndLineErasesGo() {
    assertEquals(
        "ERROR [payments] failed",
        Ansi.strip("\u001b[1m\u001b[31mERROR\u001b[39m\u001b[22m [payments] failed"));
    assertEquals("50% done", Ansi.strip("\u001b[2K\u001b[1G50% done\u001b[0K"));
    assertEquals("a b", Ansi.strip("a\u001b[38;2;255;0;0m \u001b[mb"));
  }

  @Test
  void hyperlinksKeepTheirTextAndCharacterSetsGo() {
    assertEquals(
        "see docs here",
        Ansi.strip("see \u001b]8;;https://x.example\u001b\\docs\u001b]8;;\u001b\\ here"));
    assertEquals("title gone", Ansi.strip("\u001b]0;build\u0007title gone"));
    assertEquals("plain", Ansi.strip("\u001b(Bplain"));
  }

  @Test
  void anUnfinishedSequenceEndsTheTextOrItsLineAndATextWithoutOneIsReturnedAsItIs() {
    assertEquals("a", Ansi.strip("a\u001b["));
    assertEquals("a\nb", Ansi.strip("a\u001b]0;never closed\nb"));
    String plain = "no escapes here";
    assertSame(plain, Ansi.strip(plain));
  }
}
