package dev.headroom.compress.internal.lines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TableCellsTest {

  @Property(tries = 3000)
  void cellsAreTheStrippedTextsBetweenDelimitersOutsideQuotes(
      @ForAll("lines") String line, @ForAll("delimiters") char delimiter) {
    assertEquals(reference(line, delimiter), TableCompressor.cells(line, delimiter));
  }

  @Property(tries = 2000)
  void aRuleLineIsWhatTheRuleRegexMatches(@ForAll("ruleLines") String line) {
    assertEquals(
        Pattern.compile("^[\\s+|:=-]*$").matcher(line).matches(),
        TableCompressor.isRule(line),
        line);
  }

  @Provide
  Arbitrary<String> ruleLines() {
    return Arbitraries.strings()
        .withChars(
            '-', '+', '|', ':', '=', ' ', '\t', '\u000B', '\f', '\r', '\n', '\u00a0', '\u2003', 'a')
        .ofMaxLength(12);
  }

  /**
   * The plain reading: copy every character, cut at a delimiter outside quotes, strip each cell.
   */
  private static List<String> reference(String line, char delimiter) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == delimiter && !quoted) {
        out.add(cell.toString().strip());
        cell.setLength(0);
        continue;
      }
      cell.append(ch);
    }
    out.add(cell.toString().strip());
    if (delimiter == '|' && !out.isEmpty() && out.get(0).isEmpty()) {
      out.remove(0);
    }
    return out;
  }

  @Provide
  Arbitrary<String> lines() {
    return Arbitraries.strings()
        .withChars('a', 'Z', '7', ' ', ' ', '\t', '"', ',', '\t', '|', '\u2003', '\u00a0', 'é')
        .withChars('\ud83d', '\ude00')
        .ofMaxLength(30);
  }

  @Provide
  Arbitrary<Character> delimiters() {
    return Arbitraries.of(',', '\t', '|', ';');
  }
}
