package dev.headroom.compress.internal.livezone;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.headroom.compress.BlockDecision;
import dev.headroom.compress.BodyOutline;
import dev.headroom.compress.CompressContext;
import dev.headroom.compress.Compressed;
import dev.headroom.compress.CompressionResult;
import dev.headroom.compress.Compressor;
import dev.headroom.compress.ContentType;
import dev.headroom.compress.LiveZoneOptions;
import dev.headroom.compress.LiveZoneResult;
import dev.headroom.compress.LiveZoneRewriter;
import dev.headroom.compress.ProviderApi;
import dev.headroom.compress.Replay;
import dev.headroom.compress.ReplayMemory;
import dev.headroom.compress.ScannedRewrite;
import dev.headroom.compress.Unchanged;
import dev.headroom.compress.internal.detect.Detectors;
import dev.headroom.compress.internal.detect.LineSample;
import dev.headroom.compress.internal.livezone.BodyScan.StringValue;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import org.apiguardian.api.API;

/** Scan, replay what was compressed before, select, compress block by block, splice, validate. */
@API(status = INTERNAL, since = "0.1")
public final class DefaultLiveZoneRewriter implements LiveZoneRewriter {

  private static final Logger LOG = System.getLogger(DefaultLiveZoneRewriter.class.getName());

  /** How much of the latest user text tells whether it is prose. */
  static final int PROSE_SAMPLE_BYTES = 8_192;

  private final Compressor compressor;
  private final LiveZoneOptions options;
  private final ReplayMemory memory;

  /**
   * Replacements already found to be one JSON value, by identity (an array's hash is its identity):
   * a block replayed from memory is the same array on every later turn and is checked once. Weak
   * keys: what the memory drops is forgotten here too.
   */
  private final Map<byte[], Boolean> oneValue = Collections.synchronizedMap(new WeakHashMap<>());

  public DefaultLiveZoneRewriter(
      Compressor compressor, LiveZoneOptions options, ReplayMemory memory) {
    this.compressor = compressor;
    this.options = options;
    this.memory = memory;
  }

  @Override
  public LiveZoneResult rewrite(byte[] body, ProviderApi api, CompressContext context) {
    return scan(body, api, context).finish();
  }

  @Override
  public ScannedRewrite<LiveZoneResult> scan(
      byte[] body, ProviderApi api, CompressContext context) {
    long started = System.nanoTime();
    Optional<BodyScan> scan =
        BodyScan.of(body, LiveZones.conversationKey(api), LiveZones.capturesArrays(api));
    if (scan.isEmpty()) {
      LiveZoneResult notJson = unchanged(body, List.of(), "not_json", "");
      return ScannedRewrite.of(false, () -> notJson);
    }
    Work work = new Work(body, context.scope());
    Set<StringValue> protectedValues =
        LiveZones.protectedOutputs(
            api, scan.get(), options.protectedTools().plus(context.protectedTools()));
    LiveZones.Zone zone =
        LiveZones.select(api, scan.get(), options.userText(), options.minBlockBytes());
    // The user's own prose is never compressed, so never replayed either: not even hashed.
    Set<StringValue> userProse = new HashSet<>();
    for (StringValue text : zone.userText()) {
      if (spanBytes(text) >= options.minBlockBytes() && isProse(text)) {
        userProse.add(text);
      }
    }
    // Every block compressed on an earlier turn goes again exactly as it went then, wherever it
    // now sits in the history: the provider cached those bytes. Never skipped for time.
    replay(scan.get(), work, protectedValues, userProse);
    return new Scanned(context, started, scan.get(), work, protectedValues, zone, userProse);
  }

  /** A rewrite read and replayed: its blocks are decided, compressed and spliced by finish(). */
  private final class Scanned implements ScannedRewrite<LiveZoneResult> {
    private final CompressContext context;
    private final long deadline;
    private final BodyScan scan;
    private final Work work;
    private final Set<StringValue> protectedValues;
    private final LiveZones.Zone zone;
    private final Set<StringValue> userProse;

    Scanned(
        CompressContext context,
        long started,
        BodyScan scan,
        Work work,
        Set<StringValue> protectedValues,
        LiveZones.Zone zone,
        Set<StringValue> userProse) {
      this.context = context;
      this.deadline = started + options.requestBudget().toNanos();
      this.scan = scan;
      this.work = work;
      this.protectedValues = protectedValues;
      this.zone = zone;
      this.userProse = userProse;
    }

    /**
     * Whether a block goes to the compressor: one neither replaced nor set aside that is not too
     * small. Judged by its JSON span, never decoded (escapes only lengthen a span: a span too small
     * holds a text too small).
     */
    @Override
    public boolean compresses() {
      for (StringValue block : zone.blocks()) {
        if (!replaced(block)
            && setAside(block) == null
            && spanBytes(block) >= options.minBlockBytes()) {
          return true;
        }
      }
      return false;
    }

    /** Whether the block is already replaced: replayed, or inside (or around) a replacement. */
    private boolean replaced(StringValue block) {
      return work.replayed.contains(block) || work.overlapsReplacement(block);
    }

    /**
     * @return why the block goes as it came whatever it holds — too large, a protected tool's
     *     output, the user's own prose — or {@code null} when the compressor gets it
     */
    private String setAside(StringValue block) {
      if (spanBytes(block) > options.maxBlockBytes()) {
        return BlockDecision.TOO_LARGE;
      }
      if (protectedValues.contains(block)) {
        return BlockDecision.PROTECTED_TOOL;
      }
      return userProse.contains(block) ? BlockDecision.USER_PROSE : null;
    }

    @Override
    public LiveZoneResult finish() {
      boolean outOfTime = false;
      int protectedBlocks = 0;
      byte[] body = work.body;
      if (!zone.blocks().isEmpty()) {
        // Made when a block is first compressed: it decodes the user's text for the query.
        CompressContext blockContext = null;
        boolean started0 = false;
        for (StringValue block : zone.blocks()) {
          if (replaced(block)) {
            continue;
          }
          String aside = setAside(block);
          if (aside != null) {
            boolean protectedOutput = aside.equals(BlockDecision.PROTECTED_TOOL);
            // A block too large and the user's prose are judged by their JSON span, never decoded:
            // the text of a block that large is itself a risk to the heap, and a long text of the
            // user's is never decoded whole. (Escapes only lengthen a span.)
            int bytes = protectedOutput ? block.utf8Length() : spanBytes(block);
            work.decide(block, sentAsItCame(block, aside, bytes));
            protectedBlocks += protectedOutput ? 1 : 0;
            continue;
          }
          // The budget stops further blocks from starting once one has been worked on; a block
          // already compressed is kept, however late it finished: its time is spent either way,
          // and throwing the result away would only leave the request as slow and the prompt
          // larger. The first block large enough to compress always runs (a short question before
          // it does not count), so a cold JVM's first request is compressed too.
          boolean large = block.utf8Length() >= options.minBlockBytes();
          outOfTime = outOfTime || started0 && large && System.nanoTime() > deadline;
          if (outOfTime) {
            work.decide(block, sentAsItCame(block, "time_budget", block.utf8Length()));
          } else {
            started0 = started0 || large;
            if (blockContext == null) {
              blockContext = blockContext(context, zone, scan);
            }
            decide(block, blockContext, work);
          }
        }
      }
      List<BlockDecision> decisions = work.decisions();
      if (work.replacements.isEmpty()) {
        String reason =
            zone.blocks().isEmpty()
                ? zone.reason()
                : outOfTime
                    ? "time_budget"
                    : protectedBlocks > 0 ? BlockDecision.PROTECTED_TOOL : "nothing_smaller";
        return unchanged(body, decisions, reason, scan);
      }
      if (!sound(work.replacements)) {
        LOG.log(
            Level.WARNING,
            "live-zone rewrite produced invalid JSON; the original body is forwarded");
        return unchanged(body, reverted(decisions), "invalid_result", scan);
      }
      byte[] spliced = splice(body, work.replacements);
      // Remembered only now that they are certain to be sent: a later turn replays what went.
      work.fresh.forEach((key, replay) -> memory.remember(context.scope(), key, replay));
      return new LiveZoneResult(
          spliced, true, decisions, "", modelOf(scan), outline(scan.outline(), work.replacements));
    }
  }

  /** A block left as it came, with no tokens counted. */
  private static BlockDecision sentAsItCame(StringValue block, String outcome, int bytes) {
    return new BlockDecision(block.describe(), outcome, ContentType.TEXT, "", bytes, bytes, 0, 0);
  }

  /** The length of a string block's JSON text between its quotes: its UTF-8 length or more. */
  private static int spanBytes(StringValue block) {
    return block.end() - block.start() - 2;
  }

  /**
   * Whether the latest user text is the user's own prose, told from its start ({@link
   * #PROSE_SAMPLE_BYTES}): then nothing in it is compressed, and a long one is not even decoded.
   * The prose compressor only trims whitespace, and the user's words are the question every other
   * block is compressed for. A text that starts as JSON is never judged by its start (a cut JSON
   * document does not parse); one that turns from prose into a log past its start is sent whole.
   */
  private static boolean isProse(StringValue block) {
    String sample = block.prefix(PROSE_SAMPLE_BYTES);
    if (sample == null) {
      return false;
    }
    String head = sample.stripLeading();
    if (head.startsWith("{") || head.startsWith("[")) {
      return false;
    }
    ContentType type = Detectors.detect(sample).type();
    // A Markdown table in the user's own message is how people write a spec, not a tool's output.
    return type == ContentType.TEXT
        || type == ContentType.TABLE && LineSample.holdsMarkdownTable(sample);
  }

  private static String modelOf(BodyScan scan) {
    return scan.topLevel.get("model") instanceof String model ? model : "";
  }

  private CompressContext blockContext(
      CompressContext context, LiveZones.Zone zone, BodyScan scan) {
    // A caller that names the question (the one-call helper) wins over the body's latest user text.
    String found = context.query().isBlank() ? zone.query() : context.query();
    String query =
        found.length() > LiveZones.QUERY_CHARS
            ? found.substring(found.length() - LiveZones.QUERY_CHARS)
            : found;
    CompressContext blockContext = context.withQuery(query);
    if (scan.topLevel.get("model") instanceof String model && !model.isBlank()) {
      blockContext = blockContext.withModel(model);
    }
    return blockContext;
  }

  /** Finds the conversation's blocks this memory has seen compressed, and puts them back so. */
  private void replay(
      BodyScan scan, Work work, Set<StringValue> protectedValues, Set<StringValue> userProse) {
    if (memory == ReplayMemory.none()) {
      return;
    }
    List<StringValue> values = scan.strings;
    if (!scan.arrays.isEmpty()) {
      // Outer spans first, so a replayed array is never also replaced inside.
      values = new ArrayList<>(scan.strings);
      values.addAll(scan.arrays);
      values.sort(
          (a, b) ->
              a.start() != b.start()
                  ? Integer.compare(a.start(), b.start())
                  : Integer.compare(b.end(), a.end()));
    }
    Map<StringValue, String> candidates = new LinkedHashMap<>();
    for (StringValue value : values) {
      // A block shorter than the smallest compressed one in its JSON form was never compressed.
      if (value.end() - value.start() >= options.minBlockBytes()
          && !protectedValues.contains(value)
          && !userProse.contains(value)) {
        candidates.put(value, ReplayKeys.of(work.body, value.start(), value.end()));
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    work.keys.putAll(candidates);
    Map<String, Replay> known = memory.recall(work.scope, new HashSet<>(candidates.values()));
    candidates.forEach(
        (value, key) -> {
          Replay replay = known.get(key);
          if (replay != null && !work.overlapsReplacement(value)) {
            work.replace(value, replay.json());
            work.replayed.add(value);
            work.decide(
                value,
                new BlockDecision(
                    value.describe(),
                    BlockDecision.REPLAYED,
                    replay.contentType(),
                    replay.strategy(),
                    replay.bytesBefore(),
                    // A JSON string loses its quotes; an array or object sent as JSON, nothing.
                    replay.json()[0] == '"' ? replay.json().length - 2 : replay.json().length,
                    replay.tokensBefore(),
                    replay.tokensAfter()));
          }
        });
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
    StringBuilder log = new StringBuilder();
    StringBuilder json = new StringBuilder("[");
    StringBuilder grep = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      log.append("2026-01-01T00:00:")
          .append(i % 60)
          .append("Z INFO request ")
          .append(i)
          .append(" served in ")
          .append(i % 17)
          .append(" ms\n");
      json.append(i == 0 ? "" : ",")
          .append("{\"id\":\"item_")
          .append(i)
          .append("\",\"status\":\"")
          .append(i == 117 ? "FAILED" : "ok")
          .append("\",\"total\":")
          .append(i % 90)
          .append(".50}");
      grep.append("src/main/java/app/Service")
          .append(i % 7)
          .append(".java:")
          .append(i + 10)
          .append(":    return repository.find(")
          .append(i)
          .append(");\n");
    }
    String[] outputs = {log.toString(), json.append(']').toString(), grep.toString()};
    CompressContext context = CompressContext.defaults().withScope("headroom:warm-up");
    // Compression is warmed without a memory, which would answer every round after the first; the
    // replay path with a throwaway one, so nothing of the warm-up reaches this rewriter's memory
    // (shared by a fleet, perhaps) or its counts.
    LiveZoneRewriter compressing =
        new DefaultLiveZoneRewriter(compressor, options, ReplayMemory.none());
    LiveZoneRewriter replaying =
        new DefaultLiveZoneRewriter(
            compressor, options, ReplayMemory.inMemory(1 << 20, Duration.ofMinutes(1)));
    for (int round = 0; round < 10; round++) {
      // One model per tokenizer: o200k_base, cl100k_base, and the Anthropic estimate.
      for (String model : new String[] {"gpt-4o", "gpt-4", "claude-sonnet-4-5"}) {
        for (String output : outputs) {
          compressing.rewrite(warmUpBody(model, output), ProviderApi.CHAT_COMPLETIONS, context);
        }
      }
    }
    for (int round = 0; round < 3; round++) {
      replaying.rewrite(warmUpBody("gpt-4o", outputs[0]), ProviderApi.CHAT_COMPLETIONS, context);
    }
  }

  private static byte[] warmUpBody(String model, String output) {
    return ("{\"model\":\""
            + model
            + "\",\"messages\":[{\"role\":\"user\",\"content\":\"why?\"},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"w\",\"content\":\""
            + new String(JsonStringEncoder.getInstance().quoteAsString(output))
            + "\"}]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private void decide(StringValue block, CompressContext context, Work work) {
    String path = block.describe();
    int bytes = block.utf8Length();
    if (bytes < options.minBlockBytes()) {
      work.decide(
          block,
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
      work.decide(
          block,
          new BlockDecision(path, "compressor_error", ContentType.TEXT, "", bytes, bytes, 0, 0));
      return;
    }
    if (result instanceof Compressed compressed
        && compressed.compressedTokens() < compressed.originalTokens()) {
      // A JSON array of a structured tool output stays JSON when what the compressor made of it
      // is JSON (the JSON compressor's always is): no escaping, and the tokens counted are the
      // tokens sent. Anything else goes as a JSON string.
      byte[] json = block.isArray() ? asJson(compressed.text()) : quoted(compressed.text());
      work.replace(block, json);
      work.decide(
          block,
          new BlockDecision(
              path,
              BlockDecision.COMPRESSED,
              compressed.contentType(),
              compressed.strategy(),
              bytes,
              compressed.compressedBytes(),
              compressed.originalTokens(),
              compressed.compressedTokens()));
      if (memory != ReplayMemory.none()) {
        work.fresh.put(
            work.keys.computeIfAbsent(block, b -> ReplayKeys.of(work.body, b.start(), b.end())),
            new Replay(
                json,
                compressed.contentType(),
                compressed.strategy(),
                bytes,
                compressed.originalTokens(),
                compressed.compressedTokens()));
      }
    } else if (result instanceof Unchanged unchanged) {
      work.decide(
          block,
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
      work.decide(
          block, new BlockDecision(path, "not_smaller", ContentType.TEXT, "", bytes, bytes, 0, 0));
    }
  }

  /** What one rewrite has decided so far: replacements and decisions, in body order at the end. */
  private static final class Work {
    final byte[] body;
    final String scope;
    final List<Replacement> replacements = new ArrayList<>();
    final Set<StringValue> replayed = new HashSet<>();
    final Map<String, Replay> fresh = new LinkedHashMap<>();

    /** The replay keys hashed for the lookup, kept for remembering what is compressed now. */
    final Map<StringValue, String> keys = new HashMap<>();

    private final List<Map.Entry<Integer, BlockDecision>> decided = new ArrayList<>();

    Work(byte[] body, String scope) {
      this.body = body;
      this.scope = scope;
    }

    void replace(StringValue value, byte[] json) {
      replacements.add(new Replacement(value.start(), value.end(), json));
    }

    /** Whether the value lies inside (or around) a span already replaced. */
    boolean overlapsReplacement(StringValue value) {
      for (Replacement replacement : replacements) {
        if (value.start() < replacement.end() && replacement.start() < value.end()) {
          return true;
        }
      }
      return false;
    }

    void decide(StringValue value, BlockDecision decision) {
      decided.add(Map.entry(value.start(), decision));
    }

    List<BlockDecision> decisions() {
      decided.sort(Map.Entry.comparingByKey());
      replacements.sort(Comparator.comparingInt(Replacement::start));
      return decided.stream().map(Map.Entry::getValue).toList();
    }
  }

  record Replacement(int start, int end, byte[] json) {

    /** How many bytes longer the body gets by it (negative: shorter). */
    int growth() {
      return json.length - (end - start);
    }
  }

  /**
   * Whether the spliced body is certain to be JSON. The body is one JSON value (the scan read all
   * of it) and each replacement takes the place of one value the scan found, none overlapping
   * another: the result is one JSON value exactly when every replacement is. So only the
   * replacements are read, each once in this rewriter's life when the memory hands back the same
   * array: a long session's later turn, mostly replayed blocks, is no longer read a second time in
   * whole.
   *
   * @param replacements in body order
   */
  private boolean sound(List<Replacement> replacements) {
    int after = 0;
    for (Replacement replacement : replacements) {
      if (replacement.start() < after) {
        return false;
      }
      after = replacement.end();
      byte[] json = replacement.json();
      if (!oneValue.containsKey(json)) {
        if (!isJson(json)) {
          return false;
        }
        oneValue.put(json, Boolean.TRUE);
      }
    }
    return true;
  }

  /** Copies the body with each replaced token swapped; every other byte is the client's. */
  private static byte[] splice(byte[] body, List<Replacement> replacements) {
    int size = body.length;
    for (Replacement replacement : replacements) {
      size += replacement.growth();
    }
    byte[] out = new byte[size];
    int copied = 0;
    int at = 0;
    for (Replacement replacement : replacements) {
      int kept = replacement.start() - copied;
      System.arraycopy(body, copied, out, at, kept);
      at += kept;
      System.arraycopy(replacement.json(), 0, out, at, replacement.json().length);
      at += replacement.json().length;
      copied = replacement.end();
    }
    System.arraycopy(body, copied, out, at, body.length - copied);
    return out;
  }

  private static byte[] asJson(String text) {
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    return isJson(raw) ? raw : quoted(text);
  }

  private static byte[] quoted(String text) {
    byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(text);
    byte[] json = new byte[escaped.length + 2];
    json[0] = '"';
    System.arraycopy(escaped, 0, json, 1, escaped.length);
    json[json.length - 1] = '"';
    return json;
  }

  /**
   * Whether the bytes are one JSON value and nothing after it, as Jackson judges. Long strings'
   * contents are judged by the byte scan instead of being read ({@link LongStrings}: what it leaves
   * out Jackson would accept), so a compressed tool output's escapes are not stepped through one
   * call each.
   */
  private static boolean isJson(byte[] body) {
    return isJson(body, BodyScan.EAGER_BYTES);
  }

  /**
   * @param longerThan strings with more content bytes than this are left to the byte scan; {@link
   *     Integer#MAX_VALUE} has Jackson read them all
   */
  static boolean isJson(byte[] body, int longerThan) {
    try (JsonParser parser = LongStrings.of(body, longerThan).parser(BodyScan.JSON)) {
      parser.nextToken();
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (IOException | RuntimeException invalid) {
      return false;
    }
  }

  private static LiveZoneResult unchanged(
      byte[] body, List<BlockDecision> decisions, String reason, String model) {
    return new LiveZoneResult(body, false, decisions, reason, model);
  }

  private static LiveZoneResult unchanged(
      byte[] body, List<BlockDecision> decisions, String reason, BodyScan scan) {
    return new LiveZoneResult(
        body, false, decisions, reason, modelOf(scan), Optional.ofNullable(scan.outline()));
  }

  /**
   * The outline of the spliced body: each part moved by the replacements before it, and marked
   * rewritten when one lies inside it.
   *
   * @param read the outline of the body as read, or {@code null}
   * @param replacements in body order, none overlapping another
   * @return the spliced body's outline; empty when a replacement straddled a part's edge (never, as
   *     replacements are values inside the conversation's items) or none was read
   */
  static Optional<BodyOutline> outline(BodyOutline read, List<Replacement> replacements) {
    if (read == null) {
      return Optional.empty();
    }
    List<BodyOutline.Part> members = moved(read.members(), replacements);
    List<BodyOutline.Part> items = moved(read.items(), replacements);
    return members == null || items == null
        ? Optional.empty()
        : Optional.of(new BodyOutline(members, read.conversation(), items));
  }

  private static List<BodyOutline.Part> moved(
      List<BodyOutline.Part> parts, List<Replacement> replacements) {
    List<BodyOutline.Part> moved = new ArrayList<>(parts.size());
    int before = 0; // the replacements wholly before the current part
    int shift = 0; // how far they move it
    for (BodyOutline.Part part : parts) {
      while (before < replacements.size() && replacements.get(before).end() <= part.start()) {
        shift += replacements.get(before++).growth();
      }
      int grown = 0;
      boolean rewritten = false;
      for (int k = before; k < replacements.size(); k++) {
        Replacement inside = replacements.get(k);
        if (inside.start() >= part.end()) {
          break;
        }
        if (inside.start() < part.start() || inside.end() > part.end()) {
          return null;
        }
        grown += inside.growth();
        rewritten = true;
      }
      moved.add(
          new BodyOutline.Part(
              part.name(), part.start() + shift, part.end() + shift + grown, rewritten));
    }
    return moved;
  }
}
