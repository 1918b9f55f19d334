package dev.headroom.compress.internal.tokens;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.headroom.compress.TokenCounter;
import java.util.Locale;
import java.util.function.ToIntFunction;
import org.apiguardian.api.API;

/** Picks a shared {@link TokenCounter} by model name; encodings load once, on first use. */
@API(status = INTERNAL, since = "0.1")
public final class TokenCounters {

  /**
   * Claude's tokenizer is not public. The one published side-by-side measurement we know (Claude
   * 3.5 Sonnet against GPT-4o, i.e. o200k_base, on the same inputs; VentureBeat, May 2025) found
   * 16% more tokens on English articles, 21% on mathematics and 30% on Python code. Tool output is
   * mostly technical (JSON, logs, code), so we take 1.25 times the o200k_base count. Not measured
   * against Anthropic's count_tokens endpoint on our own corpus (no access from the build machine).
   */
  static final double CLAUDE_PER_O200K = 1.25;

  private TokenCounters() {}

  /**
   * @param model a model name, possibly blank
   * @return the counter for it
   */
  public static TokenCounter forModel(String model) {
    String name = model == null ? "" : model.strip().toLowerCase(Locale.ROOT);
    int slash = name.lastIndexOf('/');
    if (slash >= 0) {
      name = name.substring(slash + 1); // "openai/gpt-4o", "anthropic/claude-…"
    }
    if (name.startsWith("claude") || name.startsWith("anthropic")) {
      return Holder.CLAUDE;
    }
    if (name.startsWith("gpt-4o")
        || name.startsWith("gpt-4.1")
        || name.startsWith("gpt-4.5")
        || name.startsWith("gpt-5")
        || name.startsWith("chatgpt")
        || isOSeries(name)) {
      return Holder.O200K;
    }
    if (name.startsWith("gpt-4")
        || name.startsWith("gpt-3.5")
        || name.startsWith("text-embedding")) {
      return Holder.CL100K;
    }
    return Holder.O200K;
  }

  /**
   * How the counts of {@code counter} relate to the byte-level BPE pieces that {@link TokenBounds}
   * bounds.
   *
   * @param counter a counter
   * @return 1 for an exact o200k/cl100k counter, the ratio for a scaled one, NaN for any other
   *     counter (no bounds known: count)
   */
  static double boundScale(TokenCounter counter) {
    if (counter instanceof Exact) {
      return 1.0;
    }
    if (counter instanceof Scaled s && s.base() instanceof Exact && s.ratio() >= 1.0) {
      return s.ratio();
    }
    return Double.NaN;
  }

  /** o1, o3-mini, o4-mini…: "o" then a digit. */
  private static boolean isOSeries(String name) {
    return name.length() > 1 && name.charAt(0) == 'o' && Character.isDigit(name.charAt(1));
  }

  /** Lazy holder: the BPE tables are read only when a counter is first asked for. */
  private static final class Holder {
    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    private static final Encoding O200K_BPE = REGISTRY.getEncoding(EncodingType.O200K_BASE);
    static final TokenCounter O200K = new Exact(O200K_BPE, new PieceCounts(O200K_BPE)::count);
    // jtokkit splits cl100k_base with its own hand-written parser already.
    static final TokenCounter CL100K =
        new Exact(REGISTRY.getEncoding(EncodingType.CL100K_BASE), null);
    static final TokenCounter CLAUDE = new Scaled(O200K, CLAUDE_PER_O200K, "claude-estimate");
  }

  /**
   * jtokkit's exact count; special-token spellings in tool output count as plain text.
   *
   * @param bpe the encoding
   * @param fast the same count by a faster route ({@link PieceCounts}), or null to ask {@code bpe}
   */
  private record Exact(Encoding bpe, ToIntFunction<String> fast) implements TokenCounter {
    @Override
    public int count(String text) {
      return text.isEmpty()
          ? 0
          : fast != null ? fast.applyAsInt(text) : bpe.countTokensOrdinary(text);
    }

    @Override
    public String encoding() {
      return bpe.getName();
    }

    @Override
    public boolean exact() {
      return true;
    }
  }

  /** Another counter's result times a fixed ratio, rounded up. */
  record Scaled(TokenCounter base, double ratio, String encoding) implements TokenCounter {
    @Override
    public int count(String text) {
      return (int) Math.ceil(base.count(text) * ratio);
    }

    @Override
    public boolean exact() {
      return false;
    }
  }
}
