package dev.headroom.proxy.internal.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.compress.BlockDecision;
import dev.headroom.compress.ContentType;
import dev.headroom.pipeline.PipelineRequest;
import dev.headroom.pipeline.RequestRewriter;
import dev.headroom.pipeline.Rewrite;
import dev.headroom.pipeline.Route;
import dev.headroom.proxy.internal.ccr.Conversations;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetrievalToolRewriterTest {

  private static final String FIRST = "{\"role\":\"user\",\"content\":\"why is the build red?\"}";

  /** The live-zone rewrite's stand-in: reports one compressed block when told to, else none. */
  private static final class Compression implements RequestRewriter {
    boolean compresses;

    @Override
    public Rewrite rewrite(PipelineRequest request, byte[] body) {
      List<BlockDecision> blocks =
          compresses
              ? List.of(
                  new BlockDecision(
                      "messages[2].content",
                      BlockDecision.COMPRESSED,
                      ContentType.JSON_ARRAY,
                      "json_array",
                      9_000,
                      900,
                      3_000,
                      300))
              : List.of();
      return new Rewrite(body, blocks, 0);
    }
  }

  /** Conversations in memory that count the keys looked up. */
  private static final class Counted implements Conversations {
    final Conversations inMemory = Conversations.inMemory(100);
    int lookups;

    @Override
    public boolean anyMayHaveTool() {
      return inMemory.anyMayHaveTool();
    }

    @Override
    public boolean contains(String key) {
      lookups++;
      return inMemory.contains(key);
    }

    @Override
    public boolean mayContain(long firstUser) {
      return inMemory.mayContain(firstUser);
    }

    @Override
    public void add(String key, long firstUser) {
      inMemory.add(key, firstUser);
    }
  }

  private static String chat(String first, String... later) {
    StringBuilder body =
        new StringBuilder(
            "{\"messages\":[{\"role\":\"system\",\"content\":\"You fix builds.\"}," + first);
    for (String message : later) {
      body.append(',').append(message);
    }
    return body.append("],\"model\":\"gpt-4o\",\"stream\":false}").toString();
  }

  private static Rewrite send(RetrievalToolRewriter rewriter, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return rewriter.rewrite(
        PipelineRequest.builder("r", "chat", Route.CHAT, bytes).scope("key:a").build(), bytes);
  }

  private static boolean hasTool(Rewrite rewrite) {
    return new String(rewrite.body(), StandardCharsets.UTF_8).contains("\"headroom_retrieve\"");
  }

  @Test
  void aConversationKeepsTheToolOnLaterTurnsWithNothingCompressedAndOthersNeverGetIt() {
    Compression compression = new Compression();
    Counted conversations = new Counted();
    RetrievalToolRewriter rewriter = new RetrievalToolRewriter(compression, conversations);

    compression.compresses = true;
    assertTrue(hasTool(send(rewriter, chat(FIRST, "{\"role\":\"tool\",\"content\":\"[1,2]\"}"))));
    compression.compresses = false;
    String later =
        chat(
            FIRST,
            "{\"role\":\"tool\",\"content\":\"[1,2]\"}",
            "{\"role\":\"assistant\",\"content\":\"It is the linker.\"}",
            "{\"role\":\"user\",\"content\":\"and now?\"}");

    assertTrue(hasTool(send(rewriter, later)), "a later turn of the conversation keeps the tool");
    assertFalse(
        hasTool(send(rewriter, chat("{\"role\":\"user\",\"content\":\"another question\"}"))),
        "another conversation does not get it");
  }

  @Test
  void aRequestWhoseFirstUserMessageNoConversationWithTheToolHasIsNeverKeyed() {
    Compression compression = new Compression();
    Counted conversations = new Counted();
    RetrievalToolRewriter rewriter = new RetrievalToolRewriter(compression, conversations);
    compression.compresses = true;
    send(rewriter, chat(FIRST));
    compression.compresses = false;

    for (int turn = 0; turn < 5; turn++) {
      send(rewriter, chat("{\"role\":\"user\",\"content\":\"question " + turn + "\"}"));
    }
    assertEquals(0, conversations.lookups, "told from the first user message alone");

    send(rewriter, chat(FIRST, "{\"role\":\"assistant\",\"content\":\"ok\"}"));
    assertEquals(1, conversations.lookups, "a candidate is keyed and looked up");
  }
}
