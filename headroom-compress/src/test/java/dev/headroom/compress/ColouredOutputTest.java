package dev.headroom.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Output written for a terminal (CI's {@code FORCE_COLOR}): its colour codes glue to the level
 * words and hid the log's shape, so a coloured log was sent whole with every code. Now it is
 * compressed as its plain text is, and a coloured text with nothing to drop still loses its codes.
 */
class ColouredOutputTest {

  private static final String ESC = "\u001b";

  private static String colouredLog(Random random) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      b.append(ESC + "[2m2026-12-06T14:")
          .append(10 + i / 60)
          .append(':')
          .append(10 + i % 50)
          .append(".000Z" + ESC + "[22m ");
      if (i == 233) {
        b.append(ESC + "[31mERROR" + ESC + "[39m [payments] charge failed: card_declined\n");
      } else {
        b.append(ESC + "[32mINFO" + ESC + "[39m [http] GET /api/items/")
            .append(random.nextInt(1000))
            .append(" 200 ")
            .append(2 + random.nextInt(80))
            .append("ms\n");
      }
    }
    return b.toString();
  }

  @Test
  void aColouredLogIsCompressedAsItsPlainTextAndKeepsItsError() {
    String log = colouredLog(new Random(4));
    Compressed compressed =
        Survival.assertSurvives(
            log, List.of("ERROR [payments] charge failed: card_declined"), "what went wrong?", 0.1);
    assertEquals(ContentType.LOG, compressed.contentType());
    assertTrue(compressed.strategy().endsWith("+ansi"), compressed.strategy());
    assertFalse(compressed.text().contains(ESC), compressed.text());
  }

  @Test
  void aColouredTextWithNothingToDropStillLosesItsCodes() {
    String text =
        ("Deploy "
                + ESC
                + "[1mfinished"
                + ESC
                + "[22m: 3 services updated, "
                + ESC
                + "[32mall healthy"
                + ESC
                + "[39m.\n")
            .repeat(40);
    CompressionResult result = Compressor.create().compress(text, CompressContext.defaults());
    assertTrue(result instanceof Compressed, result.toString());
    Compressed compressed = (Compressed) result;
    assertEquals(
        "Deploy finished: 3 services updated, all healthy.\n".repeat(40), compressed.text());
    assertEquals("text:ansi", compressed.strategy());
  }
}
