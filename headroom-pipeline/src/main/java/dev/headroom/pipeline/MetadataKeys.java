package dev.headroom.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The metadata keys of pipeline events, defined once for the gateway and the in-process client (and
 * listed for extension authors in {@code docs/extensions.md}). Request stages carry the metadata of
 * the stages before them; the response stages carry their own set.
 */
@API(status = INTERNAL, since = "0.1")
public final class MetadataKeys {

  /** {@code SETUP}: the ids of the extensions, in the order they run. */
  public static final String EXTENSIONS = "extensions";

  /** {@code SETUP}: whether the component compresses live zones at all. */
  public static final String COMPRESSION = "compression";

  /** {@code PRE_START}, {@code POST_START}: the interface and the port (bound, at post_start). */
  public static final String HOST = "host";

  /** {@code PRE_START}, {@code POST_START}: see {@link #HOST}. */
  public static final String PORT = "port";

  /** Every request and response stage: the endpoint, {@link Route#label()}. */
  public static final String ROUTE = "route";

  /** Every request and response stage: {@code http} or {@code websocket}. */
  public static final String TRANSPORT = "transport";

  /**
   * Every request and response stage: at request stages, whether the body asks for a stream; at
   * response stages, whether the response is an event stream.
   */
  public static final String STREAM = "stream";

  /** Request stages: the size of the body as received, in bytes (before content decoding). */
  public static final String BODY_BYTES = "body_bytes";

  /**
   * {@code INPUT_ROUTED} onwards: whether the live zone is compressed. An extension that returns
   * {@code false} here at {@code INPUT_ROUTED} vetoes compression of this request; {@code true}
   * where compression is off changes nothing.
   */
  public static final String COMPRESS = "compress";

  /**
   * {@code INPUT_COMPRESSED} onwards, and the response stages: tokens, before compression, of the
   * blocks whose compressed text is sent ({@code 0} when none is).
   */
  public static final String TOKENS_BEFORE = "tokens_before";

  /** {@code INPUT_COMPRESSED} onwards, and the response stages: the same blocks' tokens as sent. */
  public static final String TOKENS_AFTER = "tokens_after";

  /**
   * {@code INPUT_COMPRESSED} onwards, and the response stages: of {@link #TOKENS_BEFORE}, the
   * tokens of blocks replayed (sent exactly as an earlier request of the conversation compressed
   * them); the rest was compressed fresh on this request.
   */
  public static final String REPLAYED_TOKENS_BEFORE = "replayed_tokens_before";

  /**
   * {@code INPUT_COMPRESSED} onwards, and the response stages: of {@link #TOKENS_AFTER}, theirs.
   */
  public static final String REPLAYED_TOKENS_AFTER = "replayed_tokens_after";

  /**
   * {@code INPUT_COMPRESSED} onwards: one entry per live-zone string value ({@code path}, {@code
   * outcome}, {@code content_type}, {@code strategy}, {@code bytes_before}, {@code bytes_after},
   * {@code tokens_before}, {@code tokens_after}); empty when compression did not run.
   */
  public static final String BLOCKS = "blocks";

  /** WebSocket frames: the frame's number in its session, from 1. */
  public static final String FRAME_INDEX = "frame_index";

  /** Response stages: the upstream's HTTP status ({@code 0} when unknown). */
  public static final String STATUS = "status";

  /** {@code RESPONSE_RECEIVED}: whether the whole response reached the client. */
  public static final String COMPLETE = "complete";

  /**
   * {@code RESPONSE_RECEIVED}: the provider's token usage, its numeric fields flattened one level
   * ({@code prompt_tokens_details.cached_tokens} is {@code cached_tokens}); empty when none was
   * seen.
   */
  public static final String USAGE = "usage";

  /**
   * {@code RESPONSE_RECEIVED} of an event stream: its last status ({@code message_stop}, {@code
   * done}, {@code completed}, {@code failed}, {@code incomplete}, {@code error}, {@code open}).
   */
  public static final String STREAM_STATUS = "stream_status";

  private MetadataKeys() {}
}
