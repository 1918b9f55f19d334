package dev.headroom.compress.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.CcrEntry;
import dev.headroom.compress.CompressContext;
import dev.headroom.compress.CompressOptions;
import dev.headroom.compress.Compressed;
import dev.headroom.compress.CompressionResult;
import dev.headroom.compress.Compressor;
import dev.headroom.compress.ContentType;
import dev.headroom.compress.Detection;
import dev.headroom.compress.TokenCounter;
import dev.headroom.compress.Unchanged;
import dev.headroom.compress.internal.ccr.CcrSink;
import dev.headroom.compress.internal.detect.Detectors;
import dev.headroom.compress.internal.spi.Candidate;
import dev.headroom.compress.internal.spi.ContentCompressor;
import dev.headroom.compress.internal.spi.Input;
import dev.headroom.compress.internal.text.Ansi;
import dev.headroom.compress.internal.text.Query;
import dev.headroom.compress.internal.tokens.TokenGate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Detects, dispatches to the compressor for the type, and applies the token-validation gate: a
 * candidate is used only when it has fewer tokens than the original, and only then are its dropped
 * originals written to the CCR store.
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultCompressor implements Compressor {

  private static final System.Logger LOG = System.getLogger(DefaultCompressor.class.getName());

  private final CompressOptions options;
  private final Map<ContentType, ContentCompressor> compressors;

  /**
   * @param options the set-up
   */
  public DefaultCompressor(CompressOptions options) {
    this.options = options;
    this.compressors = new EnumMap<>(ContentType.class);
    Compressors.register(compressors);
  }

  @Override
  public CompressionResult compress(String content, CompressContext context) {
    long started = System.nanoTime();
    int originalBytes = CcrSink.utf8Length(content);
    if (originalBytes < options.minBytes()) {
      // Detection of a text this short is cheap, and callers log the type.
      return new Unchanged(
          content,
          Detectors.detect(Ansi.strip(content)).type(),
          Unchanged.Reason.BELOW_MIN_BYTES,
          originalBytes);
    }
    // Terminal colours and cursor moves are no content: the text is read, cut and stored without
    // them, and sent without them even when nothing else can go.
    String plain = Ansi.strip(content);
    Detectors.Parsed parsed = Detectors.detectParsing(plain);
    Detection detection = parsed.detection();
    ContentType type = detection.type();
    CcrSink sink = new CcrSink(context.scope());
    Input input =
        new Input(
            plain,
            detection,
            Query.parse(context.query()),
            context.targetTokens(),
            sink,
            parsed.json());
    Optional<Candidate> candidate;
    try {
      candidate = compressors.get(type).compress(input);
    } catch (RuntimeException | StackOverflowError e) {
      // A compressor bug must never cost the caller its request: keep the original.
      LOG.log(
          System.Logger.Level.WARNING,
          "compressor for " + type.tag() + " failed; original kept",
          e);
      candidate = Optional.empty();
    }
    if (plain != content) {
      candidate =
          Optional.of(
              candidate
                  .map(c -> new Candidate(c.text(), c.strategy() + "+ansi"))
                  .orElseGet(() -> new Candidate(plain, type.tag() + ":ansi")));
    }
    if (candidate.isEmpty()) {
      return new Unchanged(content, type, Unchanged.Reason.NOTHING_TO_DROP, originalBytes);
    }
    if (System.nanoTime() - started > context.timeBudget().toNanos()) {
      return new Unchanged(content, type, Unchanged.Reason.TIME_BUDGET_EXCEEDED, originalBytes);
    }
    String text = candidate.get().text();
    int compressedBytes = CcrSink.utf8Length(text);
    if (compressedBytes >= originalBytes && text.length() >= content.length()) {
      return new Unchanged(content, type, Unchanged.Reason.NOT_SMALLER, originalBytes);
    }
    Optional<TokenGate.Verdict> verdict =
        TokenGate.judge(TokenCounter.forModel(context.model()), content, text);
    if (verdict.isEmpty()) {
      return new Unchanged(content, type, Unchanged.Reason.NOT_SMALLER, originalBytes);
    }
    try {
      for (CcrEntry entry : sink.entries()) {
        options.ccrStore().put(entry);
      }
    } catch (RuntimeException storeDown) {
      // A marker whose original is not kept would lose data for good: send the original instead.
      LOG.log(
          System.Logger.Level.WARNING,
          "CCR store unavailable ("
              + storeDown.getClass().getName()
              + "); "
              + type.tag()
              + " block left uncompressed");
      return new Unchanged(content, type, Unchanged.Reason.STORE_UNAVAILABLE, originalBytes);
    }
    return new Compressed(
        text,
        type,
        candidate.get().strategy(),
        verdict.get().original(),
        verdict.get().compressed(),
        originalBytes,
        compressedBytes,
        sink.references());
  }
}
