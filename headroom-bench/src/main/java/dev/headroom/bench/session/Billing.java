package dev.headroom.bench.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.compress.TokenCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a provider bills for the input of a session's requests, from the bytes it received, with
 * prompt caching as the providers document it (see {@code docs/prompt-caching.md}):
 *
 * <ul>
 *   <li><b>Anthropic Messages</b>: the prompt is a sequence of blocks — the tools, each system
 *       block, each content block of each message, in that order — compared without their {@code
 *       cache_control}. Each block marked {@code cache_control} is a breakpoint: the prefix up to
 *       it is written to the cache (1.25x) unless the longest prefix already cached covers it,
 *       which is read (0.1x); tokens after the last breakpoint are input (1x). A prefix under 1,024
 *       tokens is not cached. The provider's 20-block look-back is not modelled: any earlier
 *       breakpoint's prefix may be read.
 *   <li><b>OpenAI</b> (Chat Completions, Responses): automatic caching of the longest prefix, in
 *       whole tools-then-items units, shared with any earlier request, rounded down to 128 tokens
 *       and only from 1,024 tokens on; cached input is billed 0.1x, the rest 1x.
 * </ul>
 *
 * Tokens are counted with one tokenizer for both shapes (o200k_base): the bills compare two ways of
 * sending the same session, so what matters is that both are counted alike. Not thread-safe.
 */
final class Billing {

  static final double CACHE_READ = 0.1;
  static final double CACHE_WRITE = 1.25;
  static final int MIN_CACHED_TOKENS = 1_024;
  static final int OPENAI_STEP = 128;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What one request cost. */
  record Bill(long input, long cacheRead, long cacheWrite) {
    /**
     * @return the input tokens of the request, however billed
     */
    long tokens() {
      return input + cacheRead + cacheWrite;
    }

    /**
     * @return the request's input cost in tokens at the base price
     */
    double billed() {
      return input + CACHE_READ * cacheRead + CACHE_WRITE * cacheWrite;
    }
  }

  /** One unit of a prompt: its identity (canonical JSON without cache_control) and tokens. */
  private record Segment(String identity, int tokens, boolean breakpoint) {}

  private final boolean anthropic;
  private final TokenCounter tokens;
  private final List<List<Segment>> cached = new ArrayList<>();

  /**
   * @param anthropic whether the requests are Anthropic Messages (else an OpenAI format)
   * @param tokens the tokenizer
   */
  Billing(boolean anthropic, TokenCounter tokens) {
    this.anthropic = anthropic;
    this.tokens = tokens;
  }

  /**
   * Bills the next request of the session and updates the cache as the provider would.
   *
   * @param body the request body as the provider received it
   * @return its bill
   */
  Bill bill(byte[] body) {
    List<Segment> prompt = segments(body);
    int read = longestCachedPrefix(prompt);
    long readTokens = sum(prompt, 0, read);
    if (readTokens < MIN_CACHED_TOKENS) {
      read = 0;
      readTokens = 0;
    }
    if (!anthropic) {
      long total = sum(prompt, 0, prompt.size());
      long cachedTokens = readTokens / OPENAI_STEP * OPENAI_STEP;
      cached.add(prompt);
      return new Bill(total - cachedTokens, cachedTokens, 0);
    }
    int lastBreakpoint = -1;
    for (int i = 0; i < prompt.size(); i++) {
      if (prompt.get(i).breakpoint()) {
        lastBreakpoint = i;
        if (sum(prompt, 0, i + 1) >= MIN_CACHED_TOKENS) {
          cached.add(prompt.subList(0, i + 1));
        }
      }
    }
    long total = sum(prompt, 0, prompt.size());
    long written =
        lastBreakpoint + 1 > read && sum(prompt, 0, lastBreakpoint + 1) >= MIN_CACHED_TOKENS
            ? sum(prompt, read, lastBreakpoint + 1)
            : 0;
    return new Bill(total - readTokens - written, readTokens, written);
  }

  private int longestCachedPrefix(List<Segment> prompt) {
    int best = 0;
    for (List<Segment> entry : cached) {
      if (entry.size() > prompt.size() || entry.size() <= best) {
        continue;
      }
      int i = 0;
      while (i < entry.size() && entry.get(i).identity().equals(prompt.get(i).identity())) {
        i++;
      }
      if (anthropic ? i == entry.size() : i > best) {
        best = Math.max(best, i);
      }
    }
    return best;
  }

  private static long sum(List<Segment> prompt, int from, int to) {
    long total = 0;
    for (int i = from; i < to; i++) {
      total += prompt.get(i).tokens();
    }
    return total;
  }

  private List<Segment> segments(byte[] body) {
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Segment> segments = new ArrayList<>();
    if (request.has("tools")) {
      segments.add(segment(request.get("tools")));
    }
    if (anthropic) {
      JsonNode system = request.path("system");
      if (system.isTextual()) {
        segments.add(segment(system));
      }
      system.forEach(block -> segments.add(segment(block)));
      for (JsonNode message : request.path("messages")) {
        JsonNode content = message.path("content");
        if (content.isTextual()) {
          segments.add(segment(message));
        } else {
          content.forEach(block -> segments.add(segment(block)));
        }
      }
    } else {
      request
          .path(request.has("messages") ? "messages" : "input")
          .forEach(item -> segments.add(segment(item)));
    }
    return segments;
  }

  private Segment segment(JsonNode node) {
    boolean breakpoint = node.has("cache_control");
    JsonNode identity = node;
    if (breakpoint && node.isObject()) {
      ObjectNode copy = node.deepCopy();
      copy.remove("cache_control");
      identity = copy;
    }
    String text = identity.toString();
    return new Segment(text, tokens.count(text), breakpoint);
  }
}
