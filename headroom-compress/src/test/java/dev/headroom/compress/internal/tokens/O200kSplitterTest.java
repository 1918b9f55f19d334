package dev.headroom.compress.internal.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The oracle is the o200k_base split regex itself, compiled the way jtokkit 1.1.0 compiles it. */
class O200kSplitterTest {

  static final Pattern O200K_REGEX =
      Pattern.compile(
          String.join(
              "|",
              "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
              "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
              "\\p{N}{1,3}",
              " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
              "\\s*[\\r\\n]+",
              "\\s+(?!\\S)",
              "\\s+"),
          Pattern.UNICODE_CHARACTER_CLASS);

  @Property(tries = 3000)
  void piecesAreTheRegexPiecesOnRandomUnicode(@ForAll("unicode") String text) {
    assertEquals(regexPieces(text), pieces(text));
  }

  @Property(tries = 300)
  void piecesAreTheRegexPiecesOnToolOutput(@ForAll("toolOutput") String text) {
    assertEquals(regexPieces(text), pieces(text));
  }

  @Test
  void everyCodePointInEveryContextSplitsLikeTheRegex() {
    // Each code point as a prefix, inside and after letters, before a contraction, between spaces,
    // and in the contraction itself ('S, 'ſ, 'Re…). Planes 0–3 hold every assigned character class.
    Matcher m = O200K_REGEX.matcher("");
    StringBuilder b = new StringBuilder();
    for (int cp = 0; cp < 0x40000; cp++) {
      String c = new String(Character.toChars(cp));
      for (String text :
          new String[] {
            "a" + c + "b",
            c + "Ab",
            "A" + c + "'s",
            c + "'d x",
            " " + c + " \n",
            "x'" + c + "e",
            "x'l" + c,
            c + c + "1",
            "\t" + c + "/\n"
          }) {
        m.reset(text);
        int i = 0;
        while (m.find()) {
          int end = O200kSplitter.end(text, i);
          if (end != m.end()) {
            b.append(
                String.format(
                    "U+%04X in %s: regex ends at %d, splitter at %d%n",
                    cp, escape(text), m.end(), end));
            break;
          }
          i = end;
        }
      }
      if (b.length() > 2000) {
        break;
      }
    }
    if (b.length() > 0) {
      fail(b.toString());
    }
  }

  @Test
  void knownPiecesOfTheEncoding() {
    assertEquals(
        List.of("HTTPServer", " don't", " WE'LL", "123", "4", " ...\n\n", "  ", " x"),
        pieces("HTTPServer don't WE'LL1234 ...\n\n   x"));
    assertEquals(List.of("foo", "Bar'ſ", " it'S"), pieces("fooBar'ſ it'S"));
    assertEquals(List.of("é\u0301t\u00e9", " \u0301", "!"), pieces("é\u0301t\u00e9 \u0301!"));
    assertEquals(List.of("\r\n", "\t", "-\n/", " \u00a0 "), pieces("\r\n\t-\n/ \u00a0 "));
  }

  static List<String> pieces(String text) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < text.length(); ) {
      int end = O200kSplitter.end(text, i);
      out.add(text.substring(i, end));
      i = end;
    }
    return out;
  }

  static List<String> regexPieces(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = O200K_REGEX.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints()
        .forEach(
            cp ->
                b.append(
                    cp >= 0x20 && cp < 0x7f
                        ? Character.toString(cp)
                        : String.format("\\u{%X}", cp)));
    return b.toString();
  }

  @Provide
  Arbitrary<String> unicode() {
    return O200kTexts.unicode();
  }

  @Provide
  Arbitrary<String> toolOutput() {
    return O200kTexts.toolOutput();
  }
}
