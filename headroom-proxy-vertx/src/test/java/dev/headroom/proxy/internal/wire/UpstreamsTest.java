package dev.headroom.proxy.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.pipeline.Provider;
import dev.headroom.pipeline.Route;
import io.vertx.core.MultiMap;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpstreamsTest {

  private static final UpstreamTargets TARGETS =
      new UpstreamTargets(
          URI.create("https://api.openai.com"),
          URI.create("https://api.anthropic.com"),
          Optional.of(URI.create("https://main.openai.azure.com")),
          Map.of("gpt-4o-eu", URI.create("https://eu.openai.azure.com")),
          URI.create("https://generativelanguage.googleapis.com"),
          Optional.empty(),
          "us-central1",
          URI.create("https://bedrock-runtime.eu-west-1.amazonaws.com"));

  @ParameterizedTest
  @CsvSource({
    "/v1/chat/completions, chat, openai",
    "/v1/messages, messages, anthropic",
    "/openai/deployments/gpt-4o/chat/completions, azure_chat, azure_openai",
    "/openai/v1/responses, azure_responses, azure_openai",
    "/openai/v1/models, passthrough, azure_openai",
    "/v1beta/models/gemini-2.5-flash:generateContent, gemini, gemini",
    "/v1/models/gemini-2.5-flash:streamGenerateContent, gemini, gemini",
    "/v1beta/models/gemini-2.5-flash:countTokens, gemini_count_tokens, gemini",
    "/v1beta/models/gemini-2.5-flash:embedContent, passthrough, gemini",
    "/v1beta1/projects/p/locations/us-central1/publishers/google/models/g:streamGenerateContent, vertex_gemini, vertex",
    "/v1/projects/p/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5:streamRawPredict, vertex_anthropic, vertex",
    "/v1/projects/p/locations/us-east5/publishers/anthropic/models/claude:countTokens, passthrough, vertex",
    "/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse, bedrock_converse, bedrock",
    "/model/us.anthropic.claude-sonnet-4-5-v1:0/invoke-with-response-stream, bedrock_invoke, bedrock",
    "/model/meta.llama3-70b-instruct-v1:0/invoke, passthrough, bedrock",
    "/v1/embeddings, passthrough, openai",
    "/v1/organization/projects, passthrough, openai",
    "/v1beta1/publishers/google/models/g:generateContent, passthrough, vertex"
  })
  void eachPathHasItsRouteAndProvider(String path, String route, String provider) {
    Route found = Route.of("POST", path);
    assertEquals(route, found.label());
    assertEquals(
        provider, Upstreams.providerOf(found, path, MultiMap.caseInsensitiveMultiMap()).wireName());
  }

  @Test
  void azureDeploymentsAndVertexLocationsChooseTheirEndpoint() {
    Upstreams upstreams = new Upstreams(TARGETS, 1000);
    assertEquals(
        "https://eu.openai.azure.com",
        upstreams
            .base(Provider.AZURE_OPENAI, "/openai/deployments/gpt-4o-eu/chat/completions?x=1")
            .orElseThrow()
            .toString());
    assertEquals(
        "https://main.openai.azure.com",
        upstreams
            .base(Provider.AZURE_OPENAI, "/openai/v1/chat/completions")
            .orElseThrow()
            .toString());
    assertEquals(
        "https://europe-west4-aiplatform.googleapis.com",
        upstreams
            .base(
                Provider.VERTEX,
                "/v1/projects/p/locations/europe-west4/publishers/google/models/g:generateContent")
            .orElseThrow()
            .toString());
    assertEquals(
        "https://aiplatform.googleapis.com",
        upstreams
            .base(Provider.VERTEX, "/v1/projects/p/locations/global/publishers/google/models/g:x")
            .orElseThrow()
            .toString());
    assertEquals(
        "https://us-central1-aiplatform.googleapis.com",
        upstreams
            .base(Provider.VERTEX, "/v1/publishers/google/models/g:x")
            .orElseThrow()
            .toString());
    Upstreams withoutAzure =
        new Upstreams(UpstreamTargets.of(TARGETS.openai(), TARGETS.anthropic()), 1000);
    assertTrue(withoutAzure.base(Provider.AZURE_OPENAI, "/openai/v1/responses").isEmpty());
  }

  @Test
  void aSigV4CallerIsItsAccessKeyAndGeminiKeysScopeToo() {
    String monday =
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261206/us-east-1/bedrock/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=aaaa";
    String tuesday = monday.replace("20261206", "20261207").replace("aaaa", "bbbb");
    assertEquals(
        Scopes.of(Map.of("authorization", monday)), Scopes.of(Map.of("authorization", tuesday)));
    assertTrue(
        !Scopes.of(Map.of("authorization", monday))
            .equals(
                Scopes.of(Map.of("authorization", monday.replace("AKIDEXAMPLE", "AKIDOTHER")))));
    assertEquals(Scopes.of(Map.of("x-goog-api-key", "AIza")), Scopes.of(Map.of(), "AIza"));
    assertEquals(Scopes.of(Map.of("api-key", "k")), Scopes.of(Map.of("x-api-key", "k")));
    assertEquals(Scopes.ANONYMOUS, Scopes.of(Map.of(), null));
  }
}
