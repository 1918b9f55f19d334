package dev.headroom.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What an extension sees at one {@link PipelineStage stage}: an immutable value.
 *
 * <p>JSON values (the payload, the response, metadata values) are plain Java — {@code Map<String,
 * Object>} (key order kept), {@code List<Object>}, {@code String}, {@code Number}, {@code Boolean}
 * and {@code null} — deeply unmodifiable, so this API needs no JSON library and an extension cannot
 * change an event behind another's back. Absent values are empty maps and empty strings, never
 * {@code null}.
 *
 * <p>An extension changes things by returning a copy made with the {@code with…} methods. A copy
 * that changes nothing returns this same instance, so "unchanged" is detected by identity at no
 * cost.
 *
 * @param stage the stage this event is for
 * @param operation what is running, for example {@code proxy.request} or {@code sdk.setup}
 * @param requestId the request id, or {@code ""} outside a request
 * @param provider whose endpoint the request is for: {@code openai}, {@code anthropic}, {@code
 *     azure_openai}, {@code gemini}, {@code vertex}, {@code bedrock}, or {@code ""} when not known
 * @param model the requested model, or {@code ""} when not known
 * @param payload the request body as JSON values, or empty when the stage has no request
 * @param headers upstream-bound request headers, names in lower case, one value each
 * @param response the response body as JSON values, or empty when there is none yet
 * @param metadata stage-specific facts (see each {@link PipelineStage})
 */
@API(status = STABLE, since = "0.1")
public record PipelineEvent(
    PipelineStage stage,
    String operation,
    String requestId,
    String provider,
    String model,
    Map<String, Object> payload,
    Map<String, String> headers,
    Map<String, Object> response,
    Map<String, Object> metadata) {

  /**
   * Validates every component and freezes the JSON values.
   *
   * @throws NullPointerException when a component is {@code null}
   * @throws IllegalArgumentException when a JSON value holds something JSON cannot
   */
  public PipelineEvent {
    Objects.requireNonNull(stage, "stage must not be null");
    Objects.requireNonNull(operation, "operation must not be null");
    Objects.requireNonNull(requestId, "requestId must not be null");
    Objects.requireNonNull(provider, "provider must not be null");
    Objects.requireNonNull(model, "model must not be null");
    payload =
        JsonValues.freezeObject(
            Objects.requireNonNull(payload, "payload must not be null"), "payload");
    headers = freezeHeaders(Objects.requireNonNull(headers, "headers must not be null"));
    response =
        JsonValues.freezeObject(
            Objects.requireNonNull(response, "response must not be null"), "response");
    metadata =
        JsonValues.freezeObject(
            Objects.requireNonNull(metadata, "metadata must not be null"), "metadata");
  }

  /**
   * Starts an event for a stage and operation; everything else defaults to empty.
   *
   * @param stage the stage
   * @param operation the operation, for example {@code proxy.request}
   * @return a new builder
   */
  public static Builder builder(PipelineStage stage, String operation) {
    return new Builder(stage, operation);
  }

  /**
   * The conversation in the payload: {@code messages} (Chat Completions, Anthropic Messages), or
   * {@code input} when it is a list (Responses).
   *
   * @return the unmodifiable list of items, or an empty list
   */
  public List<Object> messages() {
    Object messages = payload.get("messages");
    if (messages instanceof List<?>) {
      return listOf(messages);
    }
    Object input = payload.get("input");
    return input instanceof List<?> ? listOf(input) : List.of();
  }

  /**
   * The tool definitions in the payload.
   *
   * @return the unmodifiable {@code tools} list, or an empty list
   */
  public List<Object> tools() {
    Object tools = payload.get("tools");
    return tools instanceof List<?> ? listOf(tools) : List.of();
  }

  /**
   * Looks up one header.
   *
   * @param name the header name, in any case
   * @return the value, or empty when the header is absent
   */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * Returns this event for another stage.
   *
   * @param newStage the stage
   * @return a copy, or this event when the stage is the same
   */
  public PipelineEvent withStage(PipelineStage newStage) {
    return newStage == stage
        ? this
        : new PipelineEvent(
            newStage, operation, requestId, provider, model, payload, headers, response, metadata);
  }

  /**
   * Returns this event with another payload.
   *
   * @param newPayload the request body as JSON values
   * @return a copy, or this event when the payload is equal
   */
  public PipelineEvent withPayload(Map<String, ?> newPayload) {
    Objects.requireNonNull(newPayload, "payload must not be null");
    return newPayload == payload || newPayload.equals(payload)
        ? this
        : new PipelineEvent(
            stage,
            operation,
            requestId,
            provider,
            model,
            cast(newPayload),
            headers,
            response,
            metadata);
  }

  /**
   * Returns this event with the conversation replaced, under the key {@link #messages()} reads it
   * from ({@code messages} when the payload has neither).
   *
   * @param newMessages the new conversation
   * @return a copy, or this event when nothing changes
   */
  public PipelineEvent withMessages(List<?> newMessages) {
    Objects.requireNonNull(newMessages, "messages must not be null");
    String key =
        !(payload.get("messages") instanceof List<?>) && payload.get("input") instanceof List<?>
            ? "input"
            : "messages";
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(payload);
    copy.put(key, newMessages);
    return withPayload(copy);
  }

  /**
   * Returns this event with all headers replaced.
   *
   * @param newHeaders the headers; names are stored in lower case
   * @return a copy, or this event when the headers are equal
   */
  public PipelineEvent withHeaders(Map<String, String> newHeaders) {
    Map<String, String> frozen =
        freezeHeaders(Objects.requireNonNull(newHeaders, "headers must not be null"));
    return frozen.equals(headers)
        ? this
        : new PipelineEvent(
            stage, operation, requestId, provider, model, payload, frozen, response, metadata);
  }

  /**
   * Returns this event with one header set.
   *
   * @param name the header name, in any case
   * @param value the value
   * @return a copy, or this event when the header already has that value
   */
  public PipelineEvent withHeader(String name, String value) {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(value, "value must not be null");
    LinkedHashMap<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name.toLowerCase(Locale.ROOT), value);
    return withHeaders(copy);
  }

  /**
   * Returns this event without one header.
   *
   * @param name the header name, in any case
   * @return a copy, or this event when the header is absent
   */
  public PipelineEvent withoutHeader(String name) {
    Objects.requireNonNull(name, "name must not be null");
    LinkedHashMap<String, String> copy = new LinkedHashMap<>(headers);
    copy.remove(name.toLowerCase(Locale.ROOT));
    return withHeaders(copy);
  }

  /**
   * Returns this event with another response.
   *
   * @param newResponse the response body as JSON values
   * @return a copy, or this event when the response is equal
   */
  public PipelineEvent withResponse(Map<String, ?> newResponse) {
    Objects.requireNonNull(newResponse, "response must not be null");
    return newResponse == response || newResponse.equals(response)
        ? this
        : new PipelineEvent(
            stage,
            operation,
            requestId,
            provider,
            model,
            payload,
            headers,
            cast(newResponse),
            metadata);
  }

  /**
   * Returns this event with one metadata entry set.
   *
   * @param key the key
   * @param value a JSON value; {@code null} is stored as a JSON null
   * @return a copy, or this event when the entry already has that value
   */
  public PipelineEvent withMetadata(String key, Object value) {
    Objects.requireNonNull(key, "key must not be null");
    if (metadata.containsKey(key) && Objects.equals(metadata.get(key), value)) {
      return this;
    }
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(metadata);
    copy.put(key, value);
    return new PipelineEvent(
        stage, operation, requestId, provider, model, payload, headers, response, copy);
  }

  /**
   * Returns this event with all metadata replaced.
   *
   * @param newMetadata the metadata
   * @return a copy, or this event when the metadata is equal
   */
  public PipelineEvent withMetadata(Map<String, ?> newMetadata) {
    Objects.requireNonNull(newMetadata, "metadata must not be null");
    return newMetadata == metadata || newMetadata.equals(metadata)
        ? this
        : new PipelineEvent(
            stage,
            operation,
            requestId,
            provider,
            model,
            payload,
            headers,
            response,
            cast(newMetadata));
  }

  private static Map<String, String> freezeHeaders(Map<String, String> source) {
    LinkedHashMap<String, String> copy = new LinkedHashMap<>();
    source.forEach(
        (name, value) ->
            copy.put(
                Objects.requireNonNull(name, "header name must not be null")
                    .toLowerCase(Locale.ROOT),
                Objects.requireNonNull(
                    value, () -> "header " + name + " must not have a null value")));
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<String, ?> map) {
    return (Map<String, Object>) map;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> listOf(Object list) {
    return (List<Object>) list;
  }

  /** Builds a {@link PipelineEvent}; every field but the stage and operation defaults to empty. */
  @API(status = STABLE, since = "0.1")
  public static final class Builder {
    private final PipelineStage stage;
    private final String operation;
    private String requestId = "";
    private String provider = "";
    private String model = "";
    private Map<String, ?> payload = Map.of();
    private Map<String, String> headers = Map.of();
    private Map<String, ?> response = Map.of();
    private Map<String, ?> metadata = Map.of();

    private Builder(PipelineStage stage, String operation) {
      this.stage = Objects.requireNonNull(stage, "stage must not be null");
      this.operation = Objects.requireNonNull(operation, "operation must not be null");
    }

    /**
     * @param value the request id @return this builder
     */
    public Builder requestId(String value) {
      this.requestId = value;
      return this;
    }

    /**
     * @param value the provider name @return this builder
     */
    public Builder provider(String value) {
      this.provider = value;
      return this;
    }

    /**
     * @param value the model @return this builder
     */
    public Builder model(String value) {
      this.model = value;
      return this;
    }

    /**
     * @param value the request body as JSON values @return this builder
     */
    public Builder payload(Map<String, ?> value) {
      this.payload = value;
      return this;
    }

    /**
     * @param value the upstream-bound headers @return this builder
     */
    public Builder headers(Map<String, String> value) {
      this.headers = value;
      return this;
    }

    /**
     * @param value the response body as JSON values @return this builder
     */
    public Builder response(Map<String, ?> value) {
      this.response = value;
      return this;
    }

    /**
     * @param value the metadata @return this builder
     */
    public Builder metadata(Map<String, ?> value) {
      this.metadata = value;
      return this;
    }

    /**
     * @return a new, validated event
     */
    public PipelineEvent build() {
      return new PipelineEvent(
          stage,
          operation,
          requestId,
          provider,
          model,
          cast(payload),
          headers,
          cast(response),
          cast(metadata));
    }
  }
}
