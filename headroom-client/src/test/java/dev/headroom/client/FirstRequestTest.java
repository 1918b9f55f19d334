package dev.headroom.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A fresh JVM's first request with a compressible tool output is compressed, with every default
 * (the 50 ms budget included), and reports exactly what it sends: {@link FirstRequest} runs in a
 * new JVM per run ({@code -Dheadroom.firstRequest.runs}, default 3). Before the time budget stopped
 * only further blocks, such a request came back unchanged in most cold runs while still reporting
 * the savings of the rewrite it threw away.
 */
class FirstRequestTest {

  private static final Pattern RESULT =
      Pattern.compile("original=(\\d+) sent=(\\d+) before=(\\d+) after=(\\d+)");

  @Test
  void theFirstRequestOfAFreshJvmIsCompressedAndCountedAsSent() throws Exception {
    int runs = Integer.getInteger("headroom.firstRequest.runs", 3);
    for (int run = 0; run < runs; run++) {
      Matcher result = RESULT.matcher(fork());
      assertTrue(result.find(), "run " + run + ": " + result);
      int original = Integer.parseInt(result.group(1));
      int sent = Integer.parseInt(result.group(2));
      int before = Integer.parseInt(result.group(3));
      int after = Integer.parseInt(result.group(4));
      assertTrue(sent < original / 4, "run " + run + ": sent " + sent + " of " + original);
      assertTrue(after > 0 && after < before, "run " + run + ": " + before + " -> " + after);
    }
  }

  private static String fork() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                FirstRequest.class.getName())
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the fork ends");
    assertEquals(0, process.exitValue(), out);
    return out;
  }
}
