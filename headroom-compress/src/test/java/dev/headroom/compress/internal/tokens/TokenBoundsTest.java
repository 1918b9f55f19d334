package dev.headroom.compress.internal.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.compress.TokenCounter;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TokenBoundsTest {

  private static final TokenCounter O200K = TokenCounter.forModel("gpt-4o");
  private static final TokenCounter CL100K = TokenCounter.forModel("gpt-4");

  @Property(tries = 3000)
  void boundsHoldTheExactCountsOfBothEncodingsBetweenThem(@ForAll("texts") String text) {
    TokenBounds b = TokenBounds.of(text);
    for (TokenCounter counter : new TokenCounter[] {O200K, CL100K}) {
      int exact = counter.count(text);
      assertTrue(
          b.lower() <= exact,
          counter.encoding() + " lower " + b.lower() + " > " + exact + " for " + text);
      assertTrue(
          exact <= b.upper(),
          counter.encoding() + " upper " + b.upper() + " < " + exact + " for " + text);
    }
    assertTrue(b.lower() <= b.estimate() && b.estimate() <= b.upper());
  }

  @Property(tries = 2000)
  void readingOnlyAPrefixStillGivesBoundsOfTheWholeText(
      @ForAll("texts") String text, @ForAll("stops") int stopAbove) {
    String doubled = text + "\n" + text; // two halves, so a stop in the middle is likely
    TokenBounds whole = TokenBounds.of(doubled);
    TokenBounds read = TokenBounds.of(doubled, stopAbove);
    if (whole.lower() <= stopAbove) {
      assertEquals(whole, read, "cannot stop early when the whole bound is not above the mark");
    } else {
      assertTrue(read.lower() > stopAbove && read.lower() <= whole.lower(), read + " vs " + whole);
      assertTrue(read.upper() >= whole.upper(), read + " vs " + whole);
      assertTrue(read.lower() <= read.estimate() && read.estimate() <= read.upper());
    }
  }

  @Provide
  Arbitrary<Integer> stops() {
    return Arbitraries.integers().between(-1, 60);
  }

  @Property(tries = 200)
  void upperBoundIsTheUtf8Length(@ForAll("texts") String text) {
    assertEquals(text.getBytes(StandardCharsets.UTF_8).length, TokenBounds.of(text).upper());
  }

  @Test
  void lettersAndDigitRunsAreCountedAsTheTokensTheyMustBecome() {
    // "order", "A", "1234567" → 3 digit pieces (123, 456, 7), ":" (before a space), "don't" is one
    // group;
    // "-" before a digit is a piece, but a single character before a letter may be its prefix.
    assertEquals(1 + 1 + 1 + 3 + 1 + 1, TokenBounds.of("order A-1234567: don't").lower());
    assertEquals(1, TokenBounds.of("  {}[],:;  \n").lower());
    assertEquals(
        1,
        TokenBounds.of("-\n/").lower(),
        "the run after a line break may belong to the one before");
    assertEquals(2, TokenBounds.of("支付回调超时 é\u0301t\u00e9").lower());
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> pieces =
        Arbitraries.oneOf(
            Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(20),
            Arbitraries.strings().withCharRange('0', '9').ofMaxLength(12),
            Arbitraries.of(
                " ",
                "  ",
                "\n",
                "\r\n",
                "\t",
                "'",
                "'s",
                "'LL",
                "\"",
                "\": ",
                ", ",
                "{",
                "}]",
                "//",
                "=",
                "-",
                "\u0301",
                "\u00e9",
                "支付",
                "日本語",
                "١٢٣",
                "²",
                "Ⅻ",
                "😀",
                "ß",
                "İ",
                "ǅ",
                "\u00a0",
                "<|endoftext|>"),
            Arbitraries.strings().all().ofMaxLength(8),
            Arbitraries.of(
                "-", "/", "\n/", "/\n", "{\"", "\":", "\",", ".", "_", "->", "::", "\f", "\u000B",
                "\r", "$", "@#", "...", "//", "*/", "-\n", "\u0000", "\u007f", "(", ")", "[]",
                "\"'", "'\"", "-'", "`", "，", "。"),
            Arbitraries.strings()
                .withCharRange(' ', '~')
                .withChars('\n', '\r', '\t')
                .ofMaxLength(24),
            Arbitraries.strings().withCharRange('\u0000', '\u024f').ofMaxLength(12));
    return pieces
        .list()
        .ofMaxSize(40)
        .map(l -> String.join("", l))
        .filter(TokenBoundsTest::isWellFormed);
  }

  private static boolean isWellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
