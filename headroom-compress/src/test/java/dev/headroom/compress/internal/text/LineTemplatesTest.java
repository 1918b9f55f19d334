package dev.headroom.compress.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LineTemplatesTest {

  @Test
  void numbersAndIdsAreMaskedAndTheTemplateIsCut() {
    assertEquals("#-#-#:#:#.# INFO  [http] GET /api/orders/# # #.# reqId=r-#",
        LineTemplates.of("2024-06-11T14:00:00.000Z INFO  [http] GET /api/orders/ord_431130 200 5.5ms reqId=r-0c45c028"));
    assertEquals("a -) b", LineTemplates.of("  a -> b  "));
    assertEquals("x".repeat(200), LineTemplates.of("x".repeat(200)), "a word crossing the cut is kept whole");
    assertEquals(List.of("\"# ERROR timeout\" x3"),
        LineTemplates.top(List.of("1 ERROR timeout", "22 ERROR timeout", "333 ERROR timeout", "ok"), 3, 2));
  }

  /** The same templates as the StringBuilder version it replaced. */
  @Property(tries = 3000)
  void templatesAreTheFormerOnes(@ForAll("lines") String line) {
    assertEquals(Reference.of(line), LineTemplates.of(line), line);
  }

  @Provide
  Arbitrary<String> lines() {
    return Arbitraries.oneOf(
            Arbitraries.of("2024-06-11T14:00:00.000Z", " INFO ", "[http]", "GET /api/orders/ord_431130", "a->b", " ", "\t",
                "\u00a0", "\u2028", "caf\u00e9", "\u0661\u0662", "x_y", "\ud83d\ude00", "\ud83d", "ab".repeat(50), "-", ">"),
            Arbitraries.strings().withChars("aZ09_ ->\t.:\u00e9").ofMaxLength(12))
        .list().ofMaxSize(12).map(l -> String.join("", l));
  }

  /** {@code LineTemplates.of} before it wrote into a char array. */
  private static final class Reference {
    private static final int PREFIX = 72;

    static String of(String line) {
      StringBuilder sb = new StringBuilder(Math.min(line.length(), PREFIX));
      int i = 0;
      int n = line.length();
      while (i < n && sb.length() < PREFIX) {
        char c = line.charAt(i);
        if (isLetterOrDigit(c)) {
          int j = i;
          boolean digit = false;
          while (j < n) {
            char d = line.charAt(j);
            if (d < 128) {
              if (d >= '0' && d <= '9') {
                digit = true;
              } else if (!(d >= 'a' && d <= 'z' || d >= 'A' && d <= 'Z' || d == '_')) {
                break;
              }
            } else if (Character.isLetterOrDigit(d)) {
              digit |= Character.isDigit(d);
            } else {
              break;
            }
            j++;
          }
          if (digit) {
            sb.append('#');
          } else {
            sb.append(line, i, j);
          }
          i = j;
        } else {
          sb.append(c == '>' ? ')' : c);
          i++;
        }
      }
      return sb.toString().strip();
    }

    private static boolean isLetterOrDigit(char c) {
      return c < 128 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' : Character.isLetterOrDigit(c);
    }
  }
}
