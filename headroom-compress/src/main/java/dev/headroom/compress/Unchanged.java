package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The original is kept as it is.
 *
 * @param text the original text
 * @param contentType the detected type
 * @param reason why nothing changed
 * @param originalBytes UTF-8 bytes in the original
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Unchanged(String text, ContentType contentType, Reason reason, int originalBytes)
    implements CompressionResult {

  /** Checks the components. */
  public Unchanged {
    Objects.requireNonNull(text, "text must not be null");
    Objects.requireNonNull(contentType, "contentType must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
  }

  /** Why a text was left alone. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Reason {
    /** Shorter than {@link CompressOptions#minBytes()}. */
    BELOW_MIN_BYTES,
    /** The compressor for this type found nothing it may drop (code and prose are never cut). */
    NOTHING_TO_DROP,
    /** The token-validation gate: the candidate did not have fewer tokens than the original. */
    NOT_SMALLER,
    /** The context's time budget ran out. */
    TIME_BUDGET_EXCEEDED,
    /** The {@link CcrStore} could not keep an original, so the marker could not be honoured. */
    STORE_UNAVAILABLE
  }
}
