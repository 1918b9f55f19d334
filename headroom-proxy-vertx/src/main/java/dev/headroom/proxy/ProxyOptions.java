package dev.headroom.proxy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.headroom.api.PipelineExtensions;
import dev.headroom.compress.ProtectedTools;
import dev.headroom.compress.ReplayMemory;
import io.opentelemetry.api.trace.TracerProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How a {@link HeadroomProxy} listens, where it forwards, and its limits. Immutable; build one with
 * {@link #builder()}. Every setting has the default documented on its builder method.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProxyOptions {

  /** The default port, {@value}. */
  public static final int DEFAULT_PORT = 8787;

  /** The default request body limit, 100 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 100L * 1024 * 1024;

  private final String host;
  private final int port;
  private final URI openaiApiUrl;
  private final URI anthropicApiUrl;
  private final URI azureOpenaiUrl;
  private final Map<String, URI> azureDeployments;
  private final URI geminiApiUrl;
  private final URI vertexApiUrl;
  private final String vertexRegion;
  private final URI bedrockApiUrl;
  private final String bedrockRegion;
  private final boolean bedrockResign;
  private final AwsCredentialsProvider bedrockCredentials;
  private final Path extensionsDir;
  private final long maxBodyBytes;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Duration shutdownTimeout;
  private final PipelineExtensions extensions;
  private final boolean compression;
  private final Duration compressionBudget;
  private final ProtectedTools protectedTools;
  private final String authToken;
  private final int adminPort;
  private final URI ccrStore;
  private final Duration ccrConversationTtl;
  private final long replayMemoryBytes;
  private final Duration replayTtl;
  private final Path pricingFile;
  private final long rateLimitRpm;
  private final long rateLimitTpm;
  private final long dailyTokenBudget;
  private final URI otlpEndpoint;
  private final TracerProvider tracerProvider;

  private ProxyOptions(Builder builder) {
    this.host = builder.host;
    this.port = builder.port;
    this.openaiApiUrl = builder.openaiApiUrl;
    this.anthropicApiUrl = builder.anthropicApiUrl;
    this.azureOpenaiUrl = builder.azureOpenaiUrl;
    this.azureDeployments = Map.copyOf(builder.azureDeployments);
    this.geminiApiUrl = builder.geminiApiUrl;
    this.vertexApiUrl = builder.vertexApiUrl;
    this.vertexRegion = builder.vertexRegion;
    this.bedrockApiUrl = builder.bedrockApiUrl;
    this.bedrockRegion = builder.bedrockRegion;
    this.bedrockResign = builder.bedrockResign || builder.bedrockCredentials != null;
    this.bedrockCredentials = builder.bedrockCredentials;
    this.extensionsDir = builder.extensionsDir;
    this.maxBodyBytes = builder.maxBodyBytes;
    this.connectTimeout = builder.connectTimeout;
    this.requestTimeout = builder.requestTimeout;
    this.shutdownTimeout = builder.shutdownTimeout;
    this.extensions = builder.extensions;
    this.compression = builder.compression;
    this.compressionBudget = builder.compressionBudget;
    this.protectedTools = builder.protectedTools;
    this.authToken = builder.authToken;
    this.adminPort = builder.adminPort;
    this.ccrStore = builder.ccrStore;
    this.ccrConversationTtl = builder.ccrConversationTtl;
    this.replayMemoryBytes = builder.replayMemoryBytes;
    this.replayTtl = builder.replayTtl;
    this.pricingFile = builder.pricingFile;
    this.rateLimitRpm = builder.rateLimitRpm;
    this.rateLimitTpm = builder.rateLimitTpm;
    this.dailyTokenBudget = builder.dailyTokenBudget;
    this.otlpEndpoint = builder.otlpEndpoint;
    this.tracerProvider = builder.tracerProvider;
  }

  /**
   * @return the OTLP/HTTP collector the gateway's spans are exported to, if any
   */
  public Optional<URI> otlpEndpoint() {
    return Optional.ofNullable(otlpEndpoint);
  }

  /**
   * @return an embedding application's own tracer provider, if it handed one over
   */
  public Optional<TracerProvider> tracerProvider() {
    return Optional.ofNullable(tracerProvider);
  }

  /**
   * @return the operator's prices laid over the shipped ones ({@code --pricing-file}), if any
   */
  public Optional<Path> pricingFile() {
    return Optional.ofNullable(pricingFile);
  }

  /**
   * @return requests per minute each credential may send, {@code 0} for no limit
   */
  public long rateLimitRpm() {
    return rateLimitRpm;
  }

  /**
   * @return input tokens per minute each credential may use, as the provider reported them, {@code
   *     0} for no limit
   */
  public long rateLimitTpm() {
    return rateLimitTpm;
  }

  /**
   * @return tokens (input and output, as the provider reported them) each credential may use per
   *     UTC day, {@code 0} for no budget
   */
  public long dailyTokenBudget() {
    return dailyTokenBudget;
  }

  /**
   * Starts a builder holding every default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the interface to bind
   */
  public String host() {
    return host;
  }

  /**
   * @return the port to bind, {@code 0} for any free port
   */
  public int port() {
    return port;
  }

  /**
   * @return the origin (and optional path prefix) OpenAI-shaped traffic goes to
   */
  public URI openaiApiUrl() {
    return openaiApiUrl;
  }

  /**
   * @return the Azure OpenAI resource that serves deployments not named in {@link
   *     #azureDeployments()}, if configured
   */
  public Optional<URI> azureOpenaiUrl() {
    return Optional.ofNullable(azureOpenaiUrl);
  }

  /**
   * @return the Azure OpenAI resource of each deployment configured by name
   */
  public Map<String, URI> azureDeployments() {
    return azureDeployments;
  }

  /**
   * @return the Gemini API upstream
   */
  public URI geminiApiUrl() {
    return geminiApiUrl;
  }

  /**
   * @return the Vertex AI endpoint every Vertex request goes to, if pinned; otherwise the regional
   *     endpoint of the location in each request's path
   */
  public Optional<URI> vertexApiUrl() {
    return Optional.ofNullable(vertexApiUrl);
  }

  /**
   * @return the Vertex AI region assumed when a path names none
   */
  public String vertexRegion() {
    return vertexRegion;
  }

  /**
   * @return the Bedrock Runtime endpoint: the configured one, or that of {@link #bedrockRegion()}
   */
  public URI bedrockApiUrl() {
    return bedrockApiUrl != null
        ? bedrockApiUrl
        : URI.create("https://bedrock-runtime." + bedrockRegion + ".amazonaws.com");
  }

  /**
   * @return the AWS region of Bedrock traffic (its endpoint by default, and the region a re-signed
   *     request is signed for)
   */
  public String bedrockRegion() {
    return bedrockRegion;
  }

  /**
   * @return whether a SigV4-signed Bedrock request is compressed and then signed again with the
   *     gateway's AWS credentials (else it goes as it came)
   */
  public boolean bedrockResign() {
    return bedrockResign;
  }

  /**
   * @return the credentials re-signing uses when they were given; else the AWS SDK's default chain
   */
  public Optional<AwsCredentialsProvider> bedrockCredentials() {
    return Optional.ofNullable(bedrockCredentials);
  }

  /**
   * @return the origin (and optional path prefix) Anthropic-shaped traffic goes to
   */
  public URI anthropicApiUrl() {
    return anthropicApiUrl;
  }

  /**
   * @return the directory whose jars are loaded as extensions, each in its own module layer
   */
  public Optional<Path> extensionsDir() {
    return Optional.ofNullable(extensionsDir);
  }

  /**
   * @return the largest request body accepted; larger ones get 413
   */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * @return how long connecting to an upstream may take before 502
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * @return how long a whole upstream exchange may take before 504 (or the stream is cut)
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * @return how long a graceful stop waits for in-flight requests
   */
  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  /**
   * @return how long compressing one request may take: past it no further block of the request
   *     starts (the first always does, and a block already compressed is sent compressed)
   */
  public Duration compressionBudget() {
    return compressionBudget;
  }

  /**
   * @return where originals of compressed blocks are kept: a {@code redis://host:port/db} URI, or
   *     empty for the embedded in-memory store
   */
  public Optional<URI> ccrStore() {
    return Optional.ofNullable(ccrStore);
  }

  /**
   * @return with a Redis {@link #ccrStore()}, how long a conversation keeps the retrieval tool
   *     fleet-wide after its last request (renewed as it is used)
   */
  public Duration ccrConversationTtl() {
    return ccrConversationTtl;
  }

  /**
   * @return the most bytes of compressed blocks this proxy keeps in memory so that every later
   *     request of their conversation replays them (with a Redis {@link #ccrStore()}, its local
   *     cache in front of Redis)
   */
  public long replayMemoryBytes() {
    return replayMemoryBytes;
  }

  /**
   * @return how long a compressed block is kept for replay after its last use; the originals kept
   *     for retrieval live as long
   */
  public Duration replayTtl() {
    return replayTtl;
  }

  /**
   * @return the token every client must show (in {@code x-headroom-token}), if the gateway is not
   *     open to anyone who can reach it
   */
  public Optional<String> authToken() {
    return Optional.ofNullable(authToken);
  }

  /**
   * @return the loopback port of {@code /metrics}, {@code /healthz} and {@code /healthz/upstream},
   *     if they are served apart from the traffic port ({@code 0}: any free port)
   */
  public OptionalInt adminPort() {
    return adminPort < 0 ? OptionalInt.empty() : OptionalInt.of(adminPort);
  }

  /**
   * @return the tools whose outputs are never compressed
   */
  public ProtectedTools protectedTools() {
    return protectedTools;
  }

  /**
   * @return whether the live zone of requests is compressed
   */
  public boolean compression() {
    return compression;
  }

  /**
   * @return explicit extensions, which replace discovery; empty means "discover with ServiceLoader
   *     and the extensions directory"
   */
  public Optional<PipelineExtensions> extensions() {
    return Optional.ofNullable(extensions);
  }

  /** Collects settings; every method checks its argument and names it when it is bad. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = DEFAULT_PORT;
    private URI openaiApiUrl = URI.create("https://api.openai.com");
    private URI anthropicApiUrl = URI.create("https://api.anthropic.com");
    private URI azureOpenaiUrl;
    private final Map<String, URI> azureDeployments = new LinkedHashMap<>();
    private URI geminiApiUrl = URI.create("https://generativelanguage.googleapis.com");
    private URI vertexApiUrl;
    private String vertexRegion = "us-central1";
    private URI bedrockApiUrl;
    private String bedrockRegion = "us-east-1";
    private boolean bedrockResign;
    private AwsCredentialsProvider bedrockCredentials;
    private Path extensionsDir;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(600);
    private Duration shutdownTimeout = Duration.ofSeconds(30);
    private PipelineExtensions extensions;
    private boolean compression = true;
    private Duration compressionBudget = Duration.ofMillis(50);
    private ProtectedTools protectedTools = ProtectedTools.defaults();
    private String authToken;
    private int adminPort = -1;
    private URI ccrStore;
    private Duration ccrConversationTtl = Duration.ofHours(24);
    private long replayMemoryBytes = ReplayMemory.defaultMaxBytes();
    private Duration replayTtl = Duration.ofHours(24);
    private Path pricingFile;
    private long rateLimitRpm;
    private long rateLimitTpm;
    private long dailyTokenBudget;
    private URI otlpEndpoint;
    private TracerProvider tracerProvider;

    private Builder() {}

    /**
     * @param value an OTLP/HTTP collector ({@code http://collector:4318}) to export a span tree per
     *     exchange to; default none: no traces
     * @return this builder
     */
    public Builder otlpEndpoint(String value) {
      Objects.requireNonNull(value, "otlpEndpoint must not be null");
      URI uri;
      try {
        uri = new URI(value.strip());
      } catch (URISyntaxException bad) {
        throw new IllegalArgumentException("otlpEndpoint is not a URL: " + value, bad);
      }
      if (uri.getHost() == null
          || !("http".equalsIgnoreCase(uri.getScheme())
              || "https".equalsIgnoreCase(uri.getScheme()))) {
        throw new IllegalArgumentException(
            "otlpEndpoint must be an http(s) URL of an OTLP/HTTP collector: " + value);
      }
      this.otlpEndpoint = uri;
      return this;
    }

    /**
     * @param value the application's own tracer provider (for example its OpenTelemetry SDK's),
     *     which the gateway's spans then go to; wins over {@link #otlpEndpoint}; the application
     *     shuts it down
     * @return this builder
     */
    public Builder tracerProvider(TracerProvider value) {
      this.tracerProvider = Objects.requireNonNull(value, "tracerProvider must not be null");
      return this;
    }

    /**
     * @param value a JSON file of prices ({@code {"models": {"family": {"input": 3.0, "output":
     *     15.0, "cache_read": 0.3, "cache_write": 3.75}}}}, USD per million tokens) laid over the
     *     shipped list prices; read at start, which fails on a bad file
     * @return this builder
     */
    public Builder pricingFile(Path value) {
      this.pricingFile = Objects.requireNonNull(value, "pricingFile must not be null");
      return this;
    }

    /**
     * @param value requests per minute each credential may send ({@code 0}: no limit, the default);
     *     beyond it a request gets 429 with {@code retry-after}
     * @return this builder
     */
    public Builder rateLimitRpm(long value) {
      this.rateLimitRpm = nonNegative(value, "rateLimitRpm");
      return this;
    }

    /**
     * @param value input tokens per minute each credential may use, as the provider reports them
     *     ({@code 0}: no limit, the default)
     * @return this builder
     */
    public Builder rateLimitTpm(long value) {
      this.rateLimitTpm = nonNegative(value, "rateLimitTpm");
      return this;
    }

    /**
     * @param value tokens (input and output) each credential may use per UTC day ({@code 0}: no
     *     budget, the default)
     * @return this builder
     */
    public Builder dailyTokenBudget(long value) {
      this.dailyTokenBudget = nonNegative(value, "dailyTokenBudget");
      return this;
    }

    private static long nonNegative(long value, String name) {
      if (value < 0) {
        throw new IllegalArgumentException(name + " must be 0 (off) or positive: " + value);
      }
      return value;
    }

    /**
     * @param value {@code redis://[user:password@]host:port[/db]} (or {@code rediss://}) to share
     *     originals of compressed blocks between proxies, or {@code memory} for the in-memory
     *     store; default memory
     * @return this builder
     */
    public Builder ccrStore(String value) {
      Objects.requireNonNull(value, "ccrStore must not be null");
      if (value.isBlank() || value.strip().equals("memory")) {
        this.ccrStore = null;
        return this;
      }
      URI uri;
      try {
        uri = new URI(value.strip());
      } catch (URISyntaxException bad) {
        throw new IllegalArgumentException(
            "ccrStore must be memory or redis://host:port/db, got " + value, bad);
      }
      if (!("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "ccrStore must be memory or redis://host:port/db, got " + value);
      }
      this.ccrStore = uri;
      return this;
    }

    /**
     * @param value with a Redis {@link #ccrStore(String) store}, how long a conversation keeps the
     *     retrieval tool for every proxy after its last request; default 24 hours
     * @return this builder
     */
    public Builder ccrConversationTtl(Duration value) {
      this.ccrConversationTtl = positive("ccrConversationTtl", value);
      return this;
    }

    /**
     * @param value the most bytes of compressed blocks kept in this proxy's memory for replay, at
     *     least 1; default {@link ReplayMemory#defaultMaxBytes()} (an eighth of the heap, at most
     *     64 MiB)
     * @return this builder
     */
    public Builder replayMemoryBytes(long value) {
      if (value < 1) {
        throw new IllegalArgumentException("replay memory must be at least 1 byte, got " + value);
      }
      this.replayMemoryBytes = value;
      return this;
    }

    /**
     * @param value how long a compressed block is kept for replay after its last use (and how long
     *     the originals are kept for retrieval); default 24 hours
     * @return this builder
     */
    public Builder replayTtl(Duration value) {
      this.replayTtl = positive("replayTtl", value);
      return this;
    }

    /**
     * @param value whether to compress the live zone of chat, messages and responses requests;
     *     default on
     * @return this builder
     */
    public Builder compression(boolean value) {
      this.compression = value;
      return this;
    }

    /**
     * @param value how long compressing one request may take: past it no further block of the
     *     request starts (the first always does; finished blocks are used); default 50 ms
     * @return this builder
     */
    public Builder compressionBudget(Duration value) {
      this.compressionBudget = positive("compressionBudget", value);
      return this;
    }

    /**
     * @param value the tools whose outputs are never compressed, on any route (a request adds more
     *     with {@code x-headroom-protect-tools}); default {@link ProtectedTools#defaults()}, the
     *     file-read and file-edit tools of the common coding agents
     * @return this builder
     */
    public Builder protectedTools(ProtectedTools value) {
      this.protectedTools = Objects.requireNonNull(value, "protectedTools must not be null");
      return this;
    }

    /**
     * @param value the token every client must show in {@code x-headroom-token} (or as {@code
     *     Proxy-Authorization: Bearer …}); a request without it gets 401 in its provider's error
     *     shape, except {@code GET /healthz}; default none: anyone who can reach the port may use
     *     it
     * @return this builder
     */
    public Builder authToken(String value) {
      Objects.requireNonNull(value, "authToken must not be null");
      if (value.isBlank() || value.strip().length() < 16) {
        throw new IllegalArgumentException("authToken must be at least 16 characters");
      }
      this.authToken = value.strip();
      return this;
    }

    /**
     * @param value a port on 127.0.0.1 for {@code /metrics}, {@code /healthz} and {@code
     *     /healthz/upstream} ({@code 0}: any free port), which the traffic port then no longer
     *     shows ({@code /healthz} stays on both); default none: they are on the traffic port
     * @return this builder
     */
    public Builder adminPort(int value) {
      if (value < 0 || value > 65535) {
        throw new IllegalArgumentException("adminPort must be between 0 and 65535: " + value);
      }
      this.adminPort = value;
      return this;
    }

    /**
     * @param value interface to bind; default {@code 127.0.0.1}
     * @return this builder
     */
    public Builder host(String value) {
      Objects.requireNonNull(value, "host must not be null");
      if (value.isBlank()) {
        throw new IllegalArgumentException("host must not be blank");
      }
      this.host = value.strip();
      return this;
    }

    /**
     * @param value port to bind, 0..65535 ({@code 0}: any free port); default {@value
     *     #DEFAULT_PORT}
     * @return this builder
     */
    public Builder port(int value) {
      if (value < 0 || value > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, got " + value);
      }
      this.port = value;
      return this;
    }

    /**
     * @param value http(s) origin for OpenAI-shaped traffic; a trailing {@code /v1} is dropped;
     *     default {@code https://api.openai.com}
     * @return this builder
     */
    public Builder openaiApiUrl(String value) {
      this.openaiApiUrl = upstream("openai api url", value);
      return this;
    }

    /**
     * @param value the Azure OpenAI (or Azure AI Foundry) resource endpoint, such as {@code
     *     https://my-resource.openai.azure.com}, for deployments not named with {@link
     *     #azureDeployment}; no default: Azure requests get 502 {@code upstream_not_configured}
     *     until one is set
     * @return this builder
     */
    public Builder azureOpenaiUrl(String value) {
      this.azureOpenaiUrl = azure(upstream("azure openai url", value));
      return this;
    }

    /**
     * @param deployment a deployment name, as in {@code /openai/deployments/{deployment}/...}
     * @param value the resource endpoint that serves it
     * @return this builder
     */
    public Builder azureDeployment(String deployment, String value) {
      Objects.requireNonNull(deployment, "deployment must not be null");
      if (deployment.isBlank()) {
        throw new IllegalArgumentException("an Azure deployment name must not be blank");
      }
      azureDeployments.put(deployment.strip(), azure(upstream("azure openai url", value)));
      return this;
    }

    /**
     * @param value the Gemini API upstream; default {@code
     *     https://generativelanguage.googleapis.com}
     * @return this builder
     */
    public Builder geminiApiUrl(String value) {
      this.geminiApiUrl = upstream("gemini api url", value);
      return this;
    }

    /**
     * @param value the Vertex AI endpoint every Vertex request goes to; default none: each request
     *     goes to the regional endpoint of the location in its path ({@code global}: {@code
     *     https://aiplatform.googleapis.com})
     * @return this builder
     */
    public Builder vertexApiUrl(String value) {
      this.vertexApiUrl = upstream("vertex api url", value);
      return this;
    }

    /**
     * @param value the Vertex AI region assumed when a path names none; default {@code us-central1}
     * @return this builder
     */
    public Builder vertexRegion(String value) {
      this.vertexRegion = region("vertex region", value);
      return this;
    }

    /**
     * @param value the Bedrock Runtime endpoint; default {@code
     *     https://bedrock-runtime.{region}.amazonaws.com}
     * @return this builder
     */
    public Builder bedrockApiUrl(String value) {
      this.bedrockApiUrl = upstream("bedrock api url", value);
      return this;
    }

    /**
     * @param value the AWS region of Bedrock traffic; default {@code us-east-1}
     * @return this builder
     */
    public Builder bedrockRegion(String value) {
      this.bedrockRegion = region("bedrock region", value);
      return this;
    }

    /**
     * @param value whether to compress SigV4-signed Bedrock requests and sign them again with the
     *     gateway's own AWS credentials (the AWS SDK's default chain: environment, profile,
     *     container or instance role); default off: such requests go as they came, since a changed
     *     body no longer matches the client's signature
     * @return this builder
     */
    public Builder bedrockResign(boolean value) {
      this.bedrockResign = value;
      return this;
    }

    /**
     * @param value the credentials to sign Bedrock requests again with, instead of the default
     *     chain; turns re-signing on
     * @return this builder
     */
    public Builder bedrockCredentials(AwsCredentialsProvider value) {
      this.bedrockCredentials =
          Objects.requireNonNull(value, "bedrockCredentials must not be null");
      return this;
    }

    /**
     * @param value http(s) origin for Anthropic-shaped traffic; a trailing {@code /v1} is dropped;
     *     default {@code https://api.anthropic.com}
     * @return this builder
     */
    public Builder anthropicApiUrl(String value) {
      this.anthropicApiUrl = upstream("anthropic api url", value);
      return this;
    }

    /**
     * @param value directory of extension jars; default none
     * @return this builder
     */
    public Builder extensionsDir(Path value) {
      this.extensionsDir = value;
      return this;
    }

    /**
     * @param value largest request body in bytes, at least 1; default 100 MiB
     * @return this builder
     */
    public Builder maxBodyBytes(long value) {
      if (value < 1) {
        throw new IllegalArgumentException("max body bytes must be at least 1, got " + value);
      }
      this.maxBodyBytes = value;
      return this;
    }

    /**
     * @param value upstream connect timeout, positive; default 10 s
     * @return this builder
     */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive("connect timeout", value);
      return this;
    }

    /**
     * @param value whole-exchange upstream timeout, positive; default 600 s
     * @return this builder
     */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = positive("request timeout", value);
      return this;
    }

    /**
     * @param value how long a graceful stop drains in-flight requests, zero or more; default 30 s
     * @return this builder
     */
    public Builder shutdownTimeout(Duration value) {
      Objects.requireNonNull(value, "shutdown timeout must not be null");
      if (value.isNegative()) {
        throw new IllegalArgumentException("shutdown timeout must not be negative, got " + value);
      }
      this.shutdownTimeout = value;
      return this;
    }

    /**
     * @param value extensions to use instead of discovery (for tests and embedding); default:
     *     discover
     * @return this builder
     */
    public Builder extensions(PipelineExtensions value) {
      this.extensions = Objects.requireNonNull(value, "extensions must not be null");
      return this;
    }

    /**
     * @return the options
     */
    public ProxyOptions build() {
      return new ProxyOptions(this);
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name + " must not be null");
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }

    private static String region(String name, String value) {
      Objects.requireNonNull(value, name + " must not be null");
      String region = value.strip().toLowerCase(Locale.ROOT);
      if (!region.matches("[a-z0-9-]+")) {
        throw new IllegalArgumentException(
            name + " must be a region name such as us-east-1, got '" + value + "'");
      }
      return region;
    }

    /** Clients send {@code /openai/...} themselves: a resource URL ending in it loses it. */
    private static URI azure(URI uri) {
      String text = uri.toString();
      return text.endsWith("/openai") ? URI.create(text.substring(0, text.length() - 7)) : uri;
    }

    private static URI upstream(String name, String value) {
      Objects.requireNonNull(value, name + " must not be null");
      URI uri;
      try {
        uri = new URI(value.strip());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(name + " is not a URL: '" + value + "'", e);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        throw new IllegalArgumentException(
            name + " must be an http(s) URL with a host, got '" + value + "'");
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalArgumentException(
            name + " must not have a query or fragment, got '" + value + "'");
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      if (path.endsWith("/v1")) {
        path = path.substring(0, path.length() - 3);
      }
      return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }
  }
}
