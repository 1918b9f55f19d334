package dev.headroom.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The canonical lifecycle stages at which Headroom calls {@link PipelineExtension extensions}.
 *
 * <p><b>The declaration order is the contract</b>: it is the order in which stages fire for a
 * component (the first three) and for a request (the rest). Constants are never renamed or
 * reordered; new ones may only be appended, so an extension must pass any stage it does not know
 * through unchanged.
 *
 * <p>Each constant says when it fires and what an extension may change there. Whatever an extension
 * returns at a stage where a field is documented as read-only is ignored for that field.
 */
@API(status = STABLE, since = "0.1")
public enum PipelineStage {

  /**
   * A component was constructed: the proxy after reading its configuration, an in-process client
   * when built. The event carries no payload. Informational: nothing an extension returns is used.
   */
  SETUP("setup"),

  /**
   * The proxy is about to start listening (before upstream clients are built). Metadata holds the
   * host and port. Informational.
   */
  PRE_START("pre_start"),

  /** The proxy is listening and ready. Metadata holds the bound host and port. Informational. */
  POST_START("post_start"),

  /**
   * A request body was read and parsed, before any transform. An extension may replace the payload
   * (for example to redact secrets) and the headers; the replacement is what Headroom compresses
   * and sends. Never fires for a bypassed request.
   */
  INPUT_RECEIVED("input_received"),

  /**
   * Reserved, not emitted yet: Headroom has no response cache. When one exists, this stage will
   * fire for a request it answered, and no later request stage will. Informational.
   */
  INPUT_CACHED("input_cached"),

  /**
   * The request's format is known and compression is about to run. Metadata holds {@code route},
   * {@code transport}, {@code stream}, {@code body_bytes} and {@code compress}: whether the live
   * zone will be compressed. An extension may replace the payload, or veto compression of this
   * request by returning {@code compress: false} in the metadata.
   */
  INPUT_ROUTED("input_routed"),

  /**
   * Compression finished; the payload is the request as compressed, and metadata holds {@code
   * tokens_before}, {@code tokens_after} and one {@code blocks} entry per live-zone string value.
   * An extension may replace the payload (for example to undo compression of a block it must keep
   * verbatim); a block it changes no longer counts as compressed in what is reported afterwards.
   */
  INPUT_COMPRESSED("input_compressed"),

  /**
   * The originals of compressed blocks were stored for retrieval. An extension may replace the
   * payload and headers.
   */
  INPUT_REMEMBERED("input_remembered"),

  /**
   * The final request is about to be sent upstream. An extension may change the payload and the
   * upstream-bound headers one last time; {@code x-headroom-*} headers are never forwarded.
   */
  PRE_SEND("pre_send"),

  /**
   * The upstream call was issued: for a non-streaming call the response is available, for a
   * streaming call it is about to be relayed. Informational.
   */
  POST_SEND("post_send"),

  /**
   * The response (or, for a stream, its final usage) was received. Informational: the response
   * already went, or is going, to the client unchanged.
   */
  RESPONSE_RECEIVED("response_received");

  private final String value;

  PipelineStage(String value) {
    this.value = value;
  }

  /**
   * Returns the lower-case wire name of this stage, for example {@code input_received}.
   *
   * @return the wire name, never {@code null}
   */
  public String value() {
    return value;
  }

  /**
   * Looks a stage up by its wire name, ignoring case and surrounding white space.
   *
   * @param value the wire name, for example {@code "pre_send"}
   * @return the stage, or empty when no stage has that name
   */
  public static Optional<PipelineStage> fromValue(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String wanted = value.strip().toLowerCase(Locale.ROOT);
    for (PipelineStage stage : values()) {
      if (stage.value.equals(wanted)) {
        return Optional.of(stage);
      }
    }
    return Optional.empty();
  }
}
