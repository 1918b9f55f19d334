package dev.headroom.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.CompressContext;
import dev.headroom.compress.ProtectedTools;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One request on its way into the pipeline: who sent it, over what, to which endpoint, and its
 * body, already content-decoded. Immutable; build one with {@link #builder}.
 */
@API(status = INTERNAL, since = "0.1")
public final class PipelineRequest {

  private final String requestId;
  private final String operation;
  private final Route route;
  private final Provider provider;
  private final Transport transport;
  private final byte[] body;
  private final int receivedBytes;
  private final Map<String, String> headers;
  private final String scope;
  private final String session;
  private final String query;
  private final ProtectedTools protectedTools;
  private final Map<String, Object> metadata;

  private PipelineRequest(Builder builder) {
    this.requestId = builder.requestId;
    this.operation = builder.operation;
    this.route = builder.route;
    this.provider = builder.provider == null ? builder.route.provider() : builder.provider;
    this.transport = builder.transport;
    this.body = builder.body;
    this.receivedBytes = builder.receivedBytes < 0 ? builder.body.length : builder.receivedBytes;
    this.headers = Map.copyOf(builder.headers);
    this.scope = builder.scope;
    this.session = builder.session;
    this.query = builder.query;
    this.protectedTools = builder.protectedTools;
    this.metadata = Map.copyOf(builder.metadata);
  }

  /**
   * @param requestId the id every event of the exchange carries
   * @param operation what the events say sent it: {@code proxy.request}, {@code proxy.websocket},
   *     {@code sdk.request}, {@code compress}
   * @param route the endpoint
   * @param body the body, content-decoded; never modified
   * @return a builder with the route's provider, HTTP, the body's length, no headers, the anonymous
   *     scope, no session and the query taken from the body
   */
  public static Builder builder(String requestId, String operation, Route route, byte[] body) {
    return new Builder(requestId, operation, route, body);
  }

  /**
   * @return the request id
   */
  public String requestId() {
    return requestId;
  }

  /**
   * @return the events' operation
   */
  public String operation() {
    return operation;
  }

  /**
   * @return the endpoint
   */
  public Route route() {
    return route;
  }

  /**
   * @return whose API the request speaks
   */
  public Provider provider() {
    return provider;
  }

  /**
   * @return how it arrived
   */
  public Transport transport() {
    return transport;
  }

  /**
   * @return the content-decoded body (shared, not copied: do not modify)
   */
  public byte[] body() {
    return body;
  }

  /**
   * @return the body's size as received, before content decoding
   */
  public int receivedBytes() {
    return receivedBytes;
  }

  /**
   * @return upstream-bound headers, names in lower case, one value each
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * @return who owns the originals of what is compressed (a hash of the credential, never the
   *     credential)
   */
  public String scope() {
    return scope;
  }

  /**
   * @return the client's conversation id ({@code x-headroom-session-id}), or {@code ""}
   */
  public String session() {
    return session;
  }

  /**
   * @return the user's question for the compressors, or {@code ""} to take the body's latest user
   *     text
   */
  public String query() {
    return query;
  }

  /**
   * @return tools whose outputs this request asks to leave alone, on top of the configured ones
   *     ({@code x-headroom-protect-tools})
   */
  public ProtectedTools protectedTools() {
    return protectedTools;
  }

  /**
   * @return metadata of the transport that every event of this request carries too (a WebSocket
   *     frame's {@link MetadataKeys#FRAME_INDEX})
   */
  public Map<String, Object> metadata() {
    return metadata;
  }

  /** Collects what a request knows besides its id, operation, route and body. */
  @API(status = INTERNAL, since = "0.1")
  public static final class Builder {
    private final String requestId;
    private final String operation;
    private final Route route;
    private final byte[] body;
    private Provider provider;
    private Transport transport = Transport.HTTP;
    private int receivedBytes = -1;
    private Map<String, String> headers = Map.of();
    private String scope = CompressContext.ANONYMOUS_SCOPE;
    private String session = "";
    private String query = "";
    private ProtectedTools protectedTools = ProtectedTools.none();
    private final Map<String, Object> metadata = new LinkedHashMap<>();

    private Builder(String requestId, String operation, Route route, byte[] body) {
      this.requestId = Objects.requireNonNull(requestId, "requestId must not be null");
      this.operation = Objects.requireNonNull(operation, "operation must not be null");
      this.route = Objects.requireNonNull(route, "route must not be null");
      this.body = Objects.requireNonNull(body, "body must not be null");
    }

    /**
     * @param value whose API the request speaks; default the route's
     * @return this builder
     */
    public Builder provider(Provider value) {
      this.provider = Objects.requireNonNull(value, "provider must not be null");
      return this;
    }

    /**
     * @param value how the request arrived; default HTTP
     * @return this builder
     */
    public Builder transport(Transport value) {
      this.transport = Objects.requireNonNull(value, "transport must not be null");
      return this;
    }

    /**
     * @param value the body's size as received; default the body's length
     * @return this builder
     */
    public Builder receivedBytes(int value) {
      this.receivedBytes = value;
      return this;
    }

    /**
     * @param value upstream-bound headers, names in lower case
     * @return this builder
     */
    public Builder headers(Map<String, String> value) {
      this.headers = Objects.requireNonNull(value, "headers must not be null");
      return this;
    }

    /**
     * @param value the owner scope of the request's originals
     * @return this builder
     */
    public Builder scope(String value) {
      this.scope = Objects.requireNonNull(value, "scope must not be null");
      return this;
    }

    /**
     * @param value the client's conversation id, or {@code ""}
     * @return this builder
     */
    public Builder session(String value) {
      this.session = Objects.requireNonNull(value, "session must not be null");
      return this;
    }

    /**
     * @param value the user's question, or {@code ""} for the body's latest user text
     * @return this builder
     */
    public Builder query(String value) {
      this.query = Objects.requireNonNull(value, "query must not be null");
      return this;
    }

    /**
     * @param value tools whose outputs this request leaves alone, on top of the configured ones
     * @return this builder
     */
    public Builder protectedTools(ProtectedTools value) {
      this.protectedTools = Objects.requireNonNull(value, "protectedTools must not be null");
      return this;
    }

    /**
     * @param key a {@link MetadataKeys} key the transport adds to every event of the request
     * @param value its value (plain JSON)
     * @return this builder
     */
    public Builder metadata(String key, Object value) {
      this.metadata.put(
          Objects.requireNonNull(key, "key must not be null"),
          Objects.requireNonNull(value, "value must not be null"));
      return this;
    }

    /**
     * @return the request
     */
    public PipelineRequest build() {
      return new PipelineRequest(this);
    }
  }
}
