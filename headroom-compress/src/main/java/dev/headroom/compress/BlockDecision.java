package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What happened to one string value of the live zone.
 *
 * @param path where the value is, for example {@code messages[3].content}
 * @param outcome {@code compressed}, {@code replayed} (sent as an earlier request compressed it),
 *     or why it was left alone ({@code below_min_bytes}, {@code not_smaller}, {@code
 *     compressor_error}, {@code unchanged:REASON}, {@code time_budget}: the request's budget was
 *     spent before this block started, {@code invalid_result}: the rewritten body was not valid
 *     JSON, so nothing was replaced, {@code replaced_by_extension}: an extension changed the value
 *     after compression), {@code protected_tool}: the output of a {@link ProtectedTools protected
 *     tool}, {@code too_large}: larger than {@link LiveZoneOptions#maxBlockBytes()})
 * @param contentType what the content was detected as
 * @param strategy the compressor's strategy, or {@code ""}
 * @param bytesBefore UTF-8 bytes of the original text
 * @param bytesAfter UTF-8 bytes of the text sent
 * @param tokensBefore tokens of the original text ({@code 0} when not counted)
 * @param tokensAfter tokens of the text sent ({@code 0} when not counted)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record BlockDecision(
    String path,
    String outcome,
    ContentType contentType,
    String strategy,
    int bytesBefore,
    int bytesAfter,
    int tokensBefore,
    int tokensAfter) {

  /** The outcome of a block compressed on this request. */
  public static final String COMPRESSED = "compressed";

  /**
   * The outcome of a block sent exactly as it was compressed on an earlier request of the
   * conversation (see {@link ReplayMemory}).
   */
  public static final String REPLAYED = "replayed";

  /**
   * The outcome of a block larger than {@link LiveZoneOptions#maxBlockBytes()}, sent as it came.
   */
  public static final String TOO_LARGE = "too_large";

  /** The outcome of a block that is the output of a {@link ProtectedTools protected tool}. */
  public static final String PROTECTED_TOOL = "protected_tool";

  /**
   * The outcome of the latest user text when it is the user's own prose, sent as it came: only
   * machine output pasted there (logs, JSON, code, search results, diffs, tables) is compressed.
   */
  public static final String USER_PROSE = "user_prose";

  /** Checks the components. */
  public BlockDecision {
    Objects.requireNonNull(path, "path must not be null");
    Objects.requireNonNull(outcome, "outcome must not be null");
    Objects.requireNonNull(contentType, "contentType must not be null");
    Objects.requireNonNull(strategy, "strategy must not be null");
  }

  /**
   * @return {@code true} when this block was replaced by its compressed text, fresh or replayed
   */
  public boolean compressed() {
    return COMPRESSED.equals(outcome) || REPLAYED.equals(outcome);
  }

  /**
   * @return {@code true} when this block went as an earlier request of the conversation compressed
   *     it
   */
  public boolean replayed() {
    return REPLAYED.equals(outcome);
  }

  /**
   * @return this decision as pipeline events carry it in their {@code blocks} metadata, and as the
   *     proxy's metrics and access log read it: {@code path}, {@code outcome}, {@code content_type}
   *     (lower case), {@code strategy}, {@code bytes_before}, {@code bytes_after}, {@code
   *     tokens_before}, {@code tokens_after}, in that order
   */
  public Map<String, Object> toMap() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("path", path);
    entry.put("outcome", outcome);
    entry.put("content_type", contentType.name().toLowerCase(Locale.ROOT));
    entry.put("strategy", strategy);
    entry.put("bytes_before", bytesBefore);
    entry.put("bytes_after", bytesAfter);
    entry.put("tokens_before", tokensBefore);
    entry.put("tokens_after", tokensAfter);
    return entry;
  }
}
