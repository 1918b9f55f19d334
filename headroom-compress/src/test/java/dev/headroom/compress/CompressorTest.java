package dev.headroom.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CompressorTest {

  private final CcrStore store = CcrStore.inMemory();
  private final Compressor compressor =
      Compressor.create(CompressOptions.defaults().withCcrStore(store));

  static String charges(int n, int declinedAt) {
    StringJoiner rows = new StringJoiner(",\n  ", "[\n  ", "\n]");
    for (int i = 0; i < n; i++) {
      boolean declined = i == declinedAt;
      rows.add(
          "{\"id\": \"ch_"
              + (1000 + i)
              + "\", \"amount\": "
              + (1000 + i)
              + ".50, \"currency\": \"eur\", "
              + "\"status\": \""
              + (declined ? "failed" : "succeeded")
              + "\", \"order\": \"A-"
              + (5000 + i)
              + "\", "
              + "\"failure_message\": "
              + (declined ? "\"Your card has insufficient funds.\"" : "null")
              + "}");
    }
    return rows.toString();
  }

  @Test
  void textUnderTheMinimumSizeIsReturnedUnchanged() {
    String small = "Error: ENOENT: no such file or directory, open '/srv/app/config/prod.yaml'\n";
    CompressionResult result = compressor.compress(small);
    Unchanged unchanged = assertInstanceOf(Unchanged.class, result);
    assertEquals(Unchanged.Reason.BELOW_MIN_BYTES, unchanged.reason());
    assertEquals(small, result.text());
  }

  @Test
  void aJsonArrayKeepsTheAskedRowTheFailureAndExactNumbersAndStoresTheRest() {
    String json = charges(120, 77);
    CompressionResult result =
        compressor.compress(
            json,
            CompressContext.ofQuery("Why was order A-5033 charged twice?")
                .withTargetTokens(200)
                .withScope("key-1"));
    Compressed c = assertInstanceOf(Compressed.class, result);
    assertEquals(ContentType.JSON_ARRAY, c.contentType());
    assertTrue(c.text().contains("A-5033"), c.text());
    assertTrue(c.text().contains("Your card has insufficient funds."));
    assertTrue(c.text().contains("1077.50"), "number text must survive: " + c.text());
    assertTrue(c.compressedTokens() < c.originalTokens());
    assertEquals(c.compressedBytes(), c.text().getBytes(StandardCharsets.UTF_8).length);
    CcrReference ref = c.dropped().get(0);
    assertTrue(c.text().contains("<<ccr:" + ref.hash() + " "));
    assertTrue(store.get(ref.hash(), "key-1").orElseThrow().content().contains("A-5100"));
    assertTrue(store.get(ref.hash(), "key-2").isEmpty(), "another scope must not read it");
  }

  @Test
  void eachDroppedReferenceGivesTheUtf8SizeOfWhatIsStored() {
    String json = charges(120, 77).replace("\"eur\"", "\"€ür\""); // 3 and 2 bytes per character
    Compressed c =
        assertInstanceOf(
            Compressed.class,
            compressor.compress(
                json,
                CompressContext.ofQuery("order A-5033").withTargetTokens(200).withScope("key-1")));
    assertFalse(c.dropped().isEmpty());
    for (CcrReference ref : c.dropped()) {
      String stored = store.get(ref.hash(), "key-1").orElseThrow().content();
      assertTrue(stored.contains("€ür"), stored);
      assertEquals(stored.getBytes(StandardCharsets.UTF_8).length, ref.bytes());
    }
  }

  @Test
  void codeWhoseMembersAreAllOutlineIsLeftWhole() {
    StringBuilder code = new StringBuilder("package main\n\n");
    for (int i = 0; i < 60; i++) {
      code.append("func handler")
          .append(i)
          .append("(w http.ResponseWriter) {\n\tw.Write(nil)\n}\n\n");
    }
    CompressionResult result =
        compressor.compress(code.toString(), CompressContext.defaults().withTargetTokens(10));
    // One-line bodies: eliding them would cost more than it saves.
    Unchanged u = assertInstanceOf(Unchanged.class, result);
    assertEquals(ContentType.CODE, u.contentType());
  }

  @Test
  void aRejectedCandidateLeavesNothingInTheStore() {
    // A diff of only changed lines: nothing to drop, so nothing may be stored.
    StringBuilder diff =
        new StringBuilder("diff --git a/a.ts b/a.ts\n--- a/a.ts\n+++ b/a.ts\n@@ -1,40 +1,40 @@\n");
    for (int i = 0; i < 40; i++) {
      diff.append("-const v").append(i).append(" = 'x'\n");
    }
    for (int i = 0; i < 40; i++) {
      diff.append("+const v").append(i).append(" = \"x\";\n");
    }
    CompressionResult result = compressor.compress(diff.toString());
    assertInstanceOf(Unchanged.class, result);
    assertEquals(0, store.size());
  }

  @Test
  void absurdlyDeepJsonIsLeftAloneInsteadOfOverflowingTheStack() {
    String deep = "[".repeat(20_000) + "]".repeat(20_000);
    CompressionResult result = compressor.compress(deep);
    assertEquals(deep, result.text());
    assertInstanceOf(Unchanged.class, result);
  }

  @Test
  void theTimeBudgetIsHonoured() {
    CompressionResult result =
        compressor.compress(
            charges(200, 3),
            CompressContext.defaults().withTargetTokens(50).withTimeBudget(Duration.ofNanos(1)));
    assertEquals(
        Unchanged.Reason.TIME_BUDGET_EXCEEDED, assertInstanceOf(Unchanged.class, result).reason());
  }

  @Test
  void everyMarkerNamesItsHashAndTheRetrievalTool() {
    CompressionResult result =
        compressor.compress(
            charges(120, 77),
            CompressContext.ofQuery("Why was order A-5033 charged twice?")
                .withTargetTokens(200)
                .withScope("key-1"));
    Compressed c = assertInstanceOf(Compressed.class, result);
    for (CcrReference ref : c.dropped()) {
      assertTrue(c.text().contains("<<ccr:" + ref.hash() + " "), c.text());
      assertTrue(
          Pattern.compile("<<ccr:" + ref.hash() + " [^>]*; headroom_retrieve>>")
              .matcher(c.text())
              .find(),
          c.text());
    }
  }

  @Test
  void whenTheStoreCannotKeepTheOriginalTheTextIsSentUncompressed() {
    CcrStore down =
        new CcrStore() {
          @Override
          public void put(CcrEntry entry) {
            throw new IllegalStateException("connection refused");
          }

          @Override
          public Optional<CcrEntry> get(String hash, String scope) {
            return Optional.empty();
          }

          @Override
          public int size() {
            return 0;
          }
        };
    String json = charges(120, 77);
    CompressionResult result =
        Compressor.create(CompressOptions.defaults().withCcrStore(down))
            .compress(
                json,
                CompressContext.ofQuery("Why was order A-5033 charged twice?")
                    .withTargetTokens(200)
                    .withScope("key-1"));
    Unchanged unchanged = assertInstanceOf(Unchanged.class, result);
    assertEquals(Unchanged.Reason.STORE_UNAVAILABLE, unchanged.reason());
    assertEquals(json, result.text());
  }
}
