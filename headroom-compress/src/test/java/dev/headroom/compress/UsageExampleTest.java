package dev.headroom.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The snippet in docs/compress.md, compiled and run. */
class UsageExampleTest {

  @Test
  void theDocumentedSnippetCompressesAndRetrievesByScope() {
    String toolOutput = CompressorTest.charges(150, 42);
    String hashedApiKey = "sha256:4f2a";
    // --- docs/compress.md ---
    CcrStore store = CcrStore.inMemory();
    Compressor compressor = Compressor.create(CompressOptions.defaults().withCcrStore(store));
    CompressionResult result =
        compressor.compress(
            toolOutput,
            CompressContext.ofQuery("Why was order A-5042 declined?")
                .withModel("gpt-4o")
                .withScope(hashedApiKey));
    String text = result.text(); // what to send on, in either case
    if (result instanceof Compressed compressed) {
      for (CcrReference ref : compressed.dropped()) {
        // later, when the model asks for it:
        String original = store.get(ref.hash(), hashedApiKey).orElseThrow().content();
        assertTrue(original.length() > ref.description().length());
      }
    }
    // --- end ---
    assertTrue(text.contains("A-5042"));
    assertEquals(ContentType.JSON_ARRAY, result.contentType());
  }
}
