package dev.headroom.client;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.compress.CcrStore;
import dev.headroom.compress.CompressContext;
import dev.headroom.compress.CompressOptions;
import dev.headroom.compress.Compressor;
import dev.headroom.compress.LiveZoneOptions;
import dev.headroom.compress.LiveZoneRewriter;
import dev.headroom.compress.ProtectedTools;
import dev.headroom.compress.ProviderApi;
import dev.headroom.compress.ReplayMemory;
import dev.headroom.pipeline.Json;
import dev.headroom.pipeline.Lifecycle;
import dev.headroom.pipeline.PipelineRequest;
import dev.headroom.pipeline.RequestPipeline;
import dev.headroom.pipeline.RequestRewriter;
import dev.headroom.pipeline.ResponseStages;
import dev.headroom.pipeline.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * Headroom inside the application, for code that calls the LLM providers itself: the request
 * pipeline of the proxy, with no proxy. The newest tool outputs and user text shrink once, and
 * every later request of the conversation carries them as the very same compressed bytes (a {@link
 * ReplayMemory}); everything else is sent as given, so the provider's prompt cache keeps hitting on
 * a history that stays compressed.
 *
 * <p>Building emits {@code SETUP}. {@link #prepare(ProviderApi, byte[])} emits {@code
 * INPUT_RECEIVED}, {@code INPUT_ROUTED}, {@code INPUT_COMPRESSED}, {@code INPUT_REMEMBERED} and
 * {@code PRE_SEND}, with the metadata the proxy's events carry, and returns the {@link Exchange}
 * whose body the caller sends; reporting the response on it emits {@code POST_SEND} and {@code
 * RESPONSE_RECEIVED}. Extensions that throw are skipped (fail-open), and a failing rewrite sends
 * the body as given. Immutable and thread-safe: build one and share it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HeadroomClient {

  static final String OPERATION = "sdk.request";

  /** The header that protects more tools for one request, as the gateway reads it. */
  static final String PROTECT_TOOLS_HEADER = "x-headroom-protect-tools";

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final PipelineExtensions extensions;
  private final RequestPipeline pipeline;
  private final ResponseStages responses;
  private final String scope;

  private HeadroomClient(Builder builder) {
    PipelineExtensions.Builder set = PipelineExtensions.builder();
    builder.extensions.forEach(set::add);
    if (builder.discover) {
      set.load(ServiceLoader.load(PipelineExtension.class));
    }
    this.extensions = set.build();
    CompressOptions options =
        builder.ccrStore == null
            ? builder.compressOptions
            : builder.compressOptions.withCcrStore(builder.ccrStore);
    RequestRewriter rewriter =
        RequestRewriter.liveZone(
            LiveZoneRewriter.create(
                Compressor.create(options), builder.liveZoneOptions, builder.replayMemory),
            builder.liveZoneOptions);
    // Vocabularies and cold code would otherwise land in the first requests' time budget.
    rewriter.warmUp();
    this.pipeline = RequestPipeline.create(extensions, rewriter);
    this.responses = ResponseStages.of(extensions);
    this.scope = builder.scope;
    Lifecycle.setup(extensions, "sdk.setup", true);
  }

  /**
   * @return a builder with discovery on, default compression and a new in-memory CCR store
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the extensions in the order they run, with their failure counts
   */
  public PipelineExtensions extensions() {
    return extensions;
  }

  /**
   * Runs the request stages on a body with no headers.
   *
   * @param api the request format
   * @param body Chat Completions, Responses or Anthropic Messages JSON (not modified)
   * @return the exchange holding the body to send
   */
  public Exchange prepare(ProviderApi api, byte[] body) {
    return prepare(api, body, Map.of());
  }

  /**
   * Runs the request stages on a Jackson tree; the tree is serialised compactly first.
   *
   * @param api the request format
   * @param body the request
   * @return the exchange; {@link Exchange#json()} gives the tree to send
   */
  public Exchange prepare(ProviderApi api, JsonNode body) {
    return prepare(
        api, Json.write(Objects.requireNonNull(body, "body must not be null")), Map.of());
  }

  /**
   * Runs the request stages.
   *
   * @param api the request format
   * @param body the request body (not modified)
   * @param headers the headers the caller will send; extensions see them (names lower-cased) and
   *     may change them through {@link Exchange#headers()}; {@code x-headroom-protect-tools}
   *     (comma-separated globs) protects more tools for this request, as in the gateway
   * @return the exchange holding the body to send
   */
  public Exchange prepare(ProviderApi api, byte[] body, Map<String, String> headers) {
    Objects.requireNonNull(api, "api must not be null");
    Objects.requireNonNull(body, "body must not be null");
    Objects.requireNonNull(headers, "headers must not be null");
    Map<String, String> lower = new LinkedHashMap<>();
    headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
    PipelineRequest request =
        PipelineRequest.builder(
                "hr_sdk_" + SEQUENCE.incrementAndGet(), OPERATION, Route.of(api), body)
            .headers(lower)
            .scope(scope)
            .protectedTools(ProtectedTools.parse(lower.getOrDefault(PROTECT_TOOLS_HEADER, "")))
            .build();
    return new Exchange(responses, request, pipeline.run(request));
  }

  /** Collects extensions and compression settings; {@link #build()} emits {@code SETUP}. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private final List<PipelineExtension> extensions = new ArrayList<>();
    private boolean discover = true;
    private CompressOptions compressOptions = CompressOptions.defaults();
    private LiveZoneOptions liveZoneOptions = LiveZoneOptions.defaults();
    private CcrStore ccrStore;
    private ReplayMemory replayMemory;
    private String scope = CompressContext.ANONYMOUS_SCOPE;

    private Builder() {}

    /**
     * @param value where the blocks this client compressed are remembered, so each later request of
     *     the conversation sends them as the same compressed bytes and the provider's prompt cache
     *     keeps matching ({@link ReplayMemory#none()} to compress every request on its own);
     *     default a new {@link ReplayMemory#inMemory()}: an eighth of the heap, at most 64 MiB,
     *     entries kept 24 hours after their last use
     * @return this builder
     */
    public Builder replayMemory(ReplayMemory value) {
      this.replayMemory = Objects.requireNonNull(value, "replayMemory must not be null");
      return this;
    }

    /**
     * @param extension an extension to run, besides any discovered
     * @return this builder
     */
    public Builder extension(PipelineExtension extension) {
      extensions.add(Objects.requireNonNull(extension, "extension must not be null"));
      return this;
    }

    /**
     * @param value whether to add every {@link PipelineExtension} provider {@link ServiceLoader}
     *     finds (module path {@code provides}, class path {@code META-INF/services}); default
     *     {@code true}
     * @return this builder
     */
    public Builder discoverExtensions(boolean value) {
      this.discover = value;
      return this;
    }

    /**
     * @param value the compressors' settings (minimum block size, CCR store)
     * @return this builder
     */
    public Builder compressOptions(CompressOptions value) {
      this.compressOptions = Objects.requireNonNull(value, "compressOptions must not be null");
      return this;
    }

    /**
     * @param value the live-zone thresholds and per-request time budget
     * @return this builder
     */
    public Builder liveZoneOptions(LiveZoneOptions value) {
      this.liveZoneOptions = Objects.requireNonNull(value, "liveZoneOptions must not be null");
      return this;
    }

    /**
     * @param value where dropped originals are kept; overrides the store of {@link
     *     #compressOptions}
     * @return this builder
     */
    public Builder ccrStore(CcrStore value) {
      this.ccrStore = Objects.requireNonNull(value, "ccrStore must not be null");
      return this;
    }

    /**
     * @param value who owns the originals this client stores (see {@link CcrStore}); default
     *     anonymous
     * @return this builder
     */
    public Builder scope(String value) {
      this.scope = Objects.requireNonNull(value, "scope must not be null");
      return this;
    }

    /**
     * Builds the client and warms its compressor up (tokenizer vocabularies, hot code: about a
     * second), so the first requests fit in their time budget.
     *
     * @return the client; {@code SETUP} has been emitted
     * @throws dev.headroom.api.ExtensionConfigurationException when two extensions share an id
     */
    public HeadroomClient build() {
      if (replayMemory == null) {
        replayMemory = ReplayMemory.inMemory();
      }
      return new HeadroomClient(this);
    }
  }
}
