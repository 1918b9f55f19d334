package dev.headroom.proxy.internal.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where each provider's traffic goes, as configured.
 *
 * @param openai OpenAI-shaped traffic, and anything no other provider claims
 * @param anthropic Anthropic-shaped traffic
 * @param azure the Azure OpenAI resource of deployments not in {@code azureDeployments}, if any
 * @param azureDeployments the resource of each deployment configured by name
 * @param gemini the Gemini API
 * @param vertex the Vertex AI endpoint every Vertex request goes to, if pinned
 * @param vertexRegion the region whose endpoint serves a Vertex path that names no location
 * @param bedrock the Bedrock Runtime endpoint
 */
@API(status = INTERNAL, since = "0.1")
public record UpstreamTargets(
    URI openai,
    URI anthropic,
    Optional<URI> azure,
    Map<String, URI> azureDeployments,
    URI gemini,
    Optional<URI> vertex,
    String vertexRegion,
    URI bedrock) {

  /** Freezes the map. */
  public UpstreamTargets {
    azureDeployments = Map.copyOf(azureDeployments);
  }

  /**
   * @param openai the OpenAI upstream
   * @param anthropic the Anthropic upstream
   * @return targets with the other providers at their public defaults and no Azure resource
   */
  public static UpstreamTargets of(URI openai, URI anthropic) {
    return new UpstreamTargets(
        openai,
        anthropic,
        Optional.empty(),
        Map.of(),
        URI.create("https://generativelanguage.googleapis.com"),
        Optional.empty(),
        "us-central1",
        URI.create("https://bedrock-runtime.us-east-1.amazonaws.com"));
  }
}
