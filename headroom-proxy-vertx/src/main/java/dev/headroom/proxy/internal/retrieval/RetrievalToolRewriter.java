package dev.headroom.proxy.internal.retrieval;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.BodyOutline;
import dev.headroom.compress.ProviderApi;
import dev.headroom.compress.ScannedRewrite;
import dev.headroom.pipeline.PipelineRequest;
import dev.headroom.pipeline.RequestRewriter;
import dev.headroom.pipeline.Rewrite;
import dev.headroom.pipeline.Transport;
import dev.headroom.proxy.internal.ccr.Conversations;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Compression plus the retrieval tool: after the live-zone rewrite, a request whose blocks were
 * compressed — or any later request of a conversation that already had the tool — gets {@code
 * headroom_retrieve} spliced into its {@code tools}, unless the client defines that tool itself.
 * The WebSocket route is left alone (its frames are relayed as sent).
 *
 * <p>Which conversations have the tool is looked up only when it matters: a request that was
 * compressed gets the tool anyway (and its conversation is recorded); one that was not is looked up
 * only when some conversation may have the tool at all ({@link Conversations#anyMayHaveTool()}). In
 * memory that is free. With a shared store the answer is always "maybe", so every request of an LLM
 * route comes through here whatever its size, and one not compressed whose conversation this proxy
 * does not know yet costs one Redis round trip (bounded by the store's timeout, skipped while it is
 * down): see {@code SharedConversations} for why a "no" cannot be cached.
 */
@API(status = INTERNAL, since = "0.1")
public final class RetrievalToolRewriter implements RequestRewriter {

  private final RequestRewriter compression;
  private final Conversations conversations;

  /**
   * @param compression the live-zone rewrite
   * @param conversations the conversations that have the tool
   */
  public RetrievalToolRewriter(RequestRewriter compression, Conversations conversations) {
    this.compression = Objects.requireNonNull(compression, "compression must not be null");
    this.conversations = Objects.requireNonNull(conversations, "conversations must not be null");
  }

  @Override
  public Rewrite rewrite(PipelineRequest request, byte[] body) {
    return withTool(request, body, compression.rewrite(request, body));
  }

  /**
   * The compression's scan; the tool is added when it finishes. With a shared store the finish may
   * wait for it (a lookup), whatever {@link ScannedRewrite#compresses()} says: the gateway finishes
   * on an event loop only when its pipeline never blocks.
   */
  @Override
  public ScannedRewrite<Rewrite> scan(PipelineRequest request, byte[] body) {
    ScannedRewrite<Rewrite> scanned = compression.scan(request, body);
    return ScannedRewrite.of(scanned.compresses(), () -> withTool(request, body, scanned.finish()));
  }

  private Rewrite withTool(PipelineRequest request, byte[] body, Rewrite compressed) {
    Optional<ProviderApi> api = request.route().api();
    if (api.isEmpty()
        || !RetrieveTools.supports(api.get())
        || request.transport() == Transport.WEBSOCKET) {
      return compressed;
    }
    boolean markers = compressed.blocks().stream().anyMatch(block -> block.compressed());
    if (!markers && !conversations.anyMayHaveTool()) {
      return compressed;
    }
    // Keyed on the client's body: the first user message is never in the live zone's output anyway.
    // The fingerprint reads the body only up to that message; the key reads it all (it hashes the
    // members after the history too), so a request no conversation with the tool can be part of
    // is never keyed: a long session's history is not read again for nothing on every turn.
    long firstUser = ConversationKeys.firstUser(request.session(), request.scope(), request.body());
    if (!markers && !conversations.mayContain(firstUser)) {
      return compressed;
    }
    // The rewrite's scan found where the body's parts lie: neither the key nor the splice parses
    // a long session's history again (that was two more passes over it on every later turn).
    Optional<BodyOutline> outline = compressed.outline();
    String key =
        outline
            .filter(known -> body == request.body())
            .flatMap(
                known ->
                    ConversationKeys.of(
                        request.session(), request.scope(), compressed.body(), known))
            .orElseGet(
                () -> ConversationKeys.of(request.session(), request.scope(), request.body()));
    if (!markers && !conversations.contains(key)) {
      return compressed;
    }
    byte[] withTool =
        outline.isPresent()
            ? RetrieveTools.splice(compressed.body(), api.get(), outline.get())
            : RetrieveTools.splice(compressed.body(), api.get());
    if (withTool == compressed.body()) {
      return compressed;
    }
    conversations.add(key, firstUser);
    return new Rewrite(withTool, compressed.blocks(), compressed.nanos(), compressed.model());
  }

  /**
   * Once a conversation may have the tool (always, with a shared store), even the smallest requests
   * must pass through here.
   */
  @Override
  public int minBodyBytes() {
    return conversations.anyMayHaveTool() ? 0 : compression.minBodyBytes();
  }

  @Override
  public void warmUp() {
    compression.warmUp();
  }
}
