package dev.headroom.compress.internal.livezone;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.headroom.compress.BlockDecision;
import dev.headroom.compress.CompressContext;
import dev.headroom.compress.Compressed;
import dev.headroom.compress.CompressionResult;
import dev.headroom.compress.Compressor;
import dev.headroom.compress.ContentType;
import dev.headroom.compress.LiveZoneOptions;
import dev.headroom.compress.LiveZoneResult;
import dev.headroom.compress.LiveZoneRewriter;
import dev.headroom.compress.ProviderApi;
import dev.headroom.compress.Unchanged;
import dev.headroom.compress.internal.ccr.CcrSink;
import dev.headroom.compress.internal.livezone.BodyScan.StringValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/** Scan, select, compress block by block, splice, validate. */
@API(status = INTERNAL, since = "0.1")
public final class DefaultLiveZoneRewriter implements LiveZoneRewriter {

  private static final Logger LOG = System.getLogger(DefaultLiveZoneRewriter.class.getName());
  private static final int MAX_QUERY_CHARS = 2_000;

  private final Compressor compressor;
  private final LiveZoneOptions options;

  public DefaultLiveZoneRewriter(Compressor compressor, LiveZoneOptions options) {
    this.compressor = compressor;
    this.options = options;
  }

  @Override
  public LiveZoneResult rewrite(byte[] body, ProviderApi api, CompressContext context) {
    long started = System.nanoTime();
    long deadline = started + options.requestBudget().toNanos();
    Optional<BodyScan> scan = BodyScan.of(body, LiveZones.conversationKey(api));
    if (scan.isEmpty()) {
      return unchanged(body, List.of(), "not_json");
    }
    LiveZones.Zone zone = LiveZones.select(api, scan.get());
    if (zone.blocks().isEmpty()) {
      return unchanged(body, List.of(), zone.reason());
    }
    // A caller that names the question (the one-call helper) wins over the body's latest user text.
    String found = context.query().isBlank() ? zone.query() : context.query();
    String query =
        found.length() > MAX_QUERY_CHARS
            ? found.substring(found.length() - MAX_QUERY_CHARS)
            : found;
    CompressContext blockContext = context.withQuery(query);
    if (scan.get().topLevel.get("model") instanceof String model && !model.isBlank()) {
      blockContext = blockContext.withModel(model);
    }
    List<BlockDecision> decisions = new ArrayList<>();
    List<Replacement> replacements = new ArrayList<>();
    boolean outOfTime = false;
    for (StringValue block : zone.blocks()) {
      // The budget stops further blocks from starting once one has been worked on; a block already
      // compressed is kept, however late it finished: its time is spent either way, and throwing
      // the result away would only leave the request as slow and the prompt larger. The first
      // block always runs, so a cold JVM's first request is compressed too.
      outOfTime = outOfTime || !decisions.isEmpty() && System.nanoTime() > deadline;
      if (outOfTime) {
        int bytes = CcrSink.utf8Length(block.text());
        decisions.add(
            new BlockDecision(
                block.describe(), "time_budget", ContentType.TEXT, "", bytes, bytes, 0, 0));
      } else {
        decide(block, blockContext, decisions, replacements);
      }
    }
    if (replacements.isEmpty()) {
      return unchanged(body, decisions, outOfTime ? "time_budget" : "nothing_smaller");
    }
    byte[] spliced = splice(body, replacements);
    if (!isJson(spliced)) {
      LOG.log(
          Level.WARNING, "live-zone rewrite produced invalid JSON; the original body is forwarded");
      return unchanged(body, reverted(decisions), "invalid_result");
    }
    return new LiveZoneResult(spliced, true, decisions, "");
  }

  /** The decisions of a rewrite whose result is not sent: no block counts as compressed. */
  private static List<BlockDecision> reverted(List<BlockDecision> decisions) {
    List<BlockDecision> reverted = new ArrayList<>(decisions.size());
    for (BlockDecision decision : decisions) {
      reverted.add(
          decision.compressed()
              ? new BlockDecision(
                  decision.path(),
                  "invalid_result",
                  decision.contentType(),
                  decision.strategy(),
                  decision.bytesBefore(),
                  decision.bytesBefore(),
                  0,
                  0)
              : decision);
    }
    return reverted;
  }

  @Override
  public void warmUp() {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      lines
          .append("2026-01-01T00:00:")
          .append(i % 60)
          .append("Z INFO request ")
          .append(i)
          .append(" served in ")
          .append(i % 17)
          .append(" ms\n");
    }
    String output = new String(JsonStringEncoder.getInstance().quoteAsString(lines.toString()));
    CompressContext context = CompressContext.defaults().withScope("headroom:warm-up");
    for (int round = 0; round < 10; round++) {
      // One model per tokenizer: o200k_base, cl100k_base, and the Anthropic estimate.
      for (String model : new String[] {"gpt-4o", "gpt-4", "claude-sonnet-4-5"}) {
        String body =
            "{\"model\":\""
                + model
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"why?\"},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"w\",\"content\":\""
                + output
                + "\"}]}";
        rewrite(body.getBytes(StandardCharsets.UTF_8), ProviderApi.CHAT_COMPLETIONS, context);
      }
    }
  }

  private void decide(
      StringValue block,
      CompressContext context,
      List<BlockDecision> decisions,
      List<Replacement> replacements) {
    String path = block.describe();
    int bytes = CcrSink.utf8Length(block.text());
    if (bytes < options.minBlockBytes()) {
      decisions.add(
          new BlockDecision(path, "below_min_bytes", ContentType.TEXT, "", bytes, bytes, 0, 0));
      return;
    }
    CompressionResult result;
    try {
      result = compressor.compress(block.text(), context);
    } catch (RuntimeException | StackOverflowError failure) {
      LOG.log(
          Level.WARNING,
          "compressor failed on " + path + "; that block is sent as it was",
          failure);
      decisions.add(
          new BlockDecision(path, "compressor_error", ContentType.TEXT, "", bytes, bytes, 0, 0));
      return;
    }
    if (result instanceof Compressed compressed
        && compressed.compressedTokens() < compressed.originalTokens()) {
      replacements.add(new Replacement(block.start(), block.end(), quoted(compressed.text())));
      decisions.add(
          new BlockDecision(
              path,
              "compressed",
              compressed.contentType(),
              compressed.strategy(),
              bytes,
              compressed.compressedBytes(),
              compressed.originalTokens(),
              compressed.compressedTokens()));
    } else if (result instanceof Unchanged unchanged) {
      decisions.add(
          new BlockDecision(
              path,
              "unchanged:" + unchanged.reason().name().toLowerCase(Locale.ROOT),
              unchanged.contentType(),
              "",
              bytes,
              bytes,
              0,
              0));
    } else {
      decisions.add(
          new BlockDecision(path, "not_smaller", ContentType.TEXT, "", bytes, bytes, 0, 0));
    }
  }

  private record Replacement(int start, int end, byte[] json) {}

  /** Copies the body with each replaced token swapped; every other byte is the client's. */
  private static byte[] splice(byte[] body, List<Replacement> replacements) {
    int size = body.length;
    for (Replacement replacement : replacements) {
      size += replacement.json().length - (replacement.end() - replacement.start());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    int copied = 0;
    for (Replacement replacement : replacements) {
      out.write(body, copied, replacement.start() - copied);
      out.writeBytes(replacement.json());
      copied = replacement.end();
    }
    out.write(body, copied, body.length - copied);
    return out.toByteArray();
  }

  private static byte[] quoted(String text) {
    byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(text);
    byte[] json = new byte[escaped.length + 2];
    json[0] = '"';
    System.arraycopy(escaped, 0, json, 1, escaped.length);
    json[json.length - 1] = '"';
    return json;
  }

  private static boolean isJson(byte[] body) {
    try (JsonParser parser = BodyScan.JSON.createParser(body)) {
      parser.nextToken();
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (IOException | RuntimeException invalid) {
      return false;
    }
  }

  private static LiveZoneResult unchanged(
      byte[] body, List<BlockDecision> decisions, String reason) {
    return new LiveZoneResult(body, false, decisions, reason);
  }
}
