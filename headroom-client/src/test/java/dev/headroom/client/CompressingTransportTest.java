package dev.headroom.client;

import static dev.headroom.api.PipelineStage.PRE_SEND;
import static dev.headroom.api.PipelineStage.RESPONSE_RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtension;
import dev.headroom.compress.ProviderApi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CompressingTransportTest {

  /** A client library's request and response, as plain as they come. */
  record Request(
      String method, List<String> path, byte[] body, Map<String, List<String>> headers) {}

  record Response(int status, String type, InputStream body) {}

  /** The binding of that library: a few lines, as the SDK drop-ins have. */
  static final class Transport extends CompressingTransport<Request, Response> {
    final List<Exchange> prepared = new ArrayList<>();

    Transport(HeadroomClient headroom) {
      super(headroom, EnumSet.of(ProviderApi.CHAT_COMPLETIONS, ProviderApi.RESPONSES));
    }

    @Override
    protected void prepared(Exchange exchange) {
      prepared.add(exchange);
    }

    @Override
    protected String method(Request request) {
      return request.method();
    }

    @Override
    protected List<String> pathSegments(Request request) {
      return request.path();
    }

    @Override
    protected Optional<byte[]> requestBody(Request request) {
      return Optional.ofNullable(request.body());
    }

    @Override
    protected Map<String, List<String>> headers(Request request) {
      return request.headers();
    }

    @Override
    protected Request rebuild(Request request, byte[] body, HeaderChanges changes) {
      Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
      headers.keySet().removeIf(name -> changes.removed().contains(name.toLowerCase()));
      changes.set().forEach((name, value) -> headers.put(name, List.of(value)));
      return new Request(request.method(), request.path(), body, headers);
    }

    @Override
    protected int status(Response response) {
      return response.status();
    }

    @Override
    protected Optional<String> contentType(Response response) {
      return Optional.ofNullable(response.type());
    }

    @Override
    protected InputStream responseBody(Response response) {
      return response.body();
    }

    @Override
    protected Response withBody(Response response, InputStream body) {
      return new Response(response.status(), response.type(), body);
    }
  }

  private static final byte[] ANSWER =
      "{\"id\":\"c1\",\"usage\":{\"prompt_tokens\":12}}".getBytes(StandardCharsets.UTF_8);

  private static Response answer(Request request) {
    return new Response(200, "application/json", new ByteArrayInputStream(ANSWER));
  }

  @Test
  void aChatRequestIsSentPreparedAndItsResponseObservedOnceRead() throws IOException {
    Recorder recorder = new Recorder("recorder");
    Transport transport =
        new Transport(
            HeadroomClientTest.client().discoverExtensions(false).extension(recorder).build());
    byte[] body = Bodies.chat();
    AtomicReference<Request> sent = new AtomicReference<>();

    Response response =
        transport.execute(
            new Request("POST", List.of("v1", "chat", "completions"), body, Map.of()),
            request -> {
              sent.set(request);
              return answer(request);
            });

    assertTrue(sent.get().body().length < body.length, "the tool output was compressed");
    assertFalse(recorder.seen().contains(RESPONSE_RECEIVED), "not before the body is read");
    try (InputStream in = response.body()) {
      assertEquals(
          new String(ANSWER, StandardCharsets.UTF_8),
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertEquals(
        Map.of("prompt_tokens", 12L), recorder.at(RESPONSE_RECEIVED).metadata().get("usage"));
  }

  @Test
  void otherRequestsAndOtherFormatsPassThroughUntouched() {
    Transport transport =
        new Transport(HeadroomClientTest.client().discoverExtensions(false).build());
    List<Request> others =
        List.of(
            new Request("GET", List.of("v1", "models"), null, Map.of()),
            new Request("POST", List.of("v1", "embeddings"), Bodies.chat(), Map.of()),
            // An OpenAI client's Assistants call ends in "messages" but is no Anthropic Messages.
            new Request(
                "POST", List.of("v1", "threads", "t1", "messages"), Bodies.chat(), Map.of()),
            new Request("POST", List.of("v1", "chat", "completions"), null, Map.of()));
    List<Request> sent = new ArrayList<>();

    others.forEach(
        request ->
            transport.execute(
                request,
                r -> {
                  sent.add(r);
                  return answer(r);
                }));

    for (int i = 0; i < others.size(); i++) {
      assertSame(others.get(i), sent.get(i));
    }
    assertTrue(transport.prepared.isEmpty(), "none of them went through Headroom");
  }

  @Test
  void theBindingIsToldOfEachPreparedRequestBeforeItIsSent() {
    Transport transport =
        new Transport(HeadroomClientTest.client().discoverExtensions(false).build());
    byte[] body = Bodies.chat();
    List<Integer> preparedWhenSent = new ArrayList<>();

    transport.execute(
        new Request("POST", List.of("v1", "chat", "completions"), body, Map.of()),
        request -> {
          preparedWhenSent.add(transport.prepared.size());
          return answer(request);
        });

    assertEquals(List.of(1), preparedWhenSent);
    Exchange exchange = transport.prepared.get(0);
    assertTrue(exchange.tokensAfter() < exchange.tokensBefore(), "the tool output was compressed");
    assertTrue(exchange.body().length < body.length);
  }

  @Test
  void headersTheExtensionsChangeAreChangedOnTheRequestSent() {
    PipelineExtension headers =
        new PipelineExtension() {
          @Override
          public String id() {
            return "headers";
          }

          @Override
          public PipelineEvent onEvent(PipelineEvent event) {
            return event.stage() == PRE_SEND
                ? event.withoutHeader("x-drop").withHeader("x-added", "1")
                : event;
          }
        };
    Transport transport =
        new Transport(
            HeadroomClientTest.client().discoverExtensions(false).extension(headers).build());
    AtomicReference<Request> sent = new AtomicReference<>();

    transport.execute(
        new Request(
            "POST",
            List.of("v1", "responses"),
            "{\"input\":[]}".getBytes(StandardCharsets.UTF_8),
            Map.of("X-Drop", List.of("a"), "Authorization", List.of("Bearer k"))),
        request -> {
          sent.set(request);
          return answer(request);
        });

    assertEquals(
        Map.of("Authorization", List.of("Bearer k"), "x-added", List.of("1")),
        sent.get().headers());
  }
}
