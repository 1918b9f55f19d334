package dev.headroom.compress.internal.spi;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.Detection;
import dev.headroom.compress.internal.ccr.CcrSink;
import dev.headroom.compress.internal.text.Query;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One text to compress, with everything a compressor may use.
 *
 * @param text the original
 * @param detection what it is
 * @param query the user's question as terms
 * @param targetTokens the soft budget for the output
 * @param sink where dropped content goes
 * @param json the parsed document when detection already parsed it as JSON, else empty
 */
@API(status = INTERNAL, since = "0.1")
public record Input(
    String text,
    Detection detection,
    Query query,
    int targetTokens,
    CcrSink sink,
    Optional<JNode> json) {

  /**
   * @param text the original
   * @param detection what it is
   * @param query the user's question as terms
   * @param targetTokens the soft budget for the output
   * @param sink where dropped content goes
   */
  public Input(String text, Detection detection, Query query, int targetTokens, CcrSink sink) {
    this(text, detection, query, targetTokens, sink, Optional.empty());
  }

  /** Bytes per token assumed when sizing output against {@link #targetTokens()} before counting. */
  static final int CHARS_PER_TOKEN = 4;

  /**
   * @return the budget in characters
   */
  public int budgetChars() {
    return targetTokens * CHARS_PER_TOKEN;
  }
}
