package dev.headroom.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.zip.CRC32;

/** Blocking helpers for tests: await a future, make a call, hash bytes. */
public final class Tests {

  private Tests() {}

  /** A client response, fully read. */
  public record Reply(int status, MultiMap headers, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError(e.getCause() == null ? e : e.getCause());
    }
  }

  public static HttpClient client(Vertx vertx) {
    return vertx.createHttpClient(new HttpClientOptions().setDecompressionSupported(false));
  }

  public static Reply call(
      HttpClient client, int port, HttpMethod method, String uri, MultiMap headers, byte[] body) {
    RequestOptions options =
        new RequestOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setMethod(method)
            .setURI(uri)
            .setHeaders(headers);
    return await(
        client
            .request(options)
            .compose(
                request -> {
                  // The body is asked for as the response head arrives, on the event loop. Asked
                  // for later (from this thread, when a pooled connection made the request future
                  // complete at once), an instant answer's body could be gone already: an empty
                  // body, seen now and then on the gateway's own fast answers (/stats, 429s).
                  Future<Reply> reply =
                      request
                          .response()
                          .compose(
                              response ->
                                  response
                                      .body()
                                      .map(
                                          b ->
                                              new Reply(
                                                  response.statusCode(),
                                                  response.headers(),
                                                  b.getBytes())));
                  if (body == null) {
                    request.end();
                  } else {
                    request.end(Buffer.buffer(body));
                  }
                  return reply;
                }));
  }

  public static Reply post(
      HttpClient client, int port, String uri, String body, String... headerPairs) {
    return call(
        client,
        port,
        HttpMethod.POST,
        uri,
        headers(headerPairs),
        body.getBytes(StandardCharsets.UTF_8));
  }

  public static MultiMap headers(String... pairs) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      headers.add(pairs[i], pairs[i + 1]);
    }
    return headers;
  }

  /** Waits up to 10 s for a condition that another thread makes true. */
  public static boolean eventually(BooleanSupplier condition) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * A ConverseStream answer as Bedrock frames it: a start, one text delta naming ord_100217, a
   * stop, and the usage (120 input, 9 output, 800 read from the prompt cache).
   */
  public static byte[] converseStream() {
    java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
    stream.writeBytes(eventStreamMessage("messageStart", "{\"role\":\"assistant\"}"));
    stream.writeBytes(
        eventStreamMessage(
            "contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"ord_100217\"}}"));
    stream.writeBytes(eventStreamMessage("messageStop", "{\"stopReason\":\"end_turn\"}"));
    stream.writeBytes(
        eventStreamMessage(
            "metadata",
            "{\"usage\":{\"inputTokens\":120,\"outputTokens\":9,\"cacheReadInputTokens\":800,"
                + "\"cacheWriteInputTokens\":0,\"totalTokens\":929},\"metrics\":{\"latencyMs\":310}}"));
    return stream.toByteArray();
  }

  /** One AWS event-stream message, checksums included, as Bedrock writes it. */
  public static byte[] eventStreamMessage(String eventType, String payload) {
    ByteArrayOutputStream headers = new ByteArrayOutputStream();
    for (String[] header :
        new String[][] {
          {":event-type", eventType},
          {":content-type", "application/json"},
          {":message-type", "event"}
        }) {
      byte[] name = header[0].getBytes(StandardCharsets.UTF_8);
      byte[] value = header[1].getBytes(StandardCharsets.UTF_8);
      headers.write(name.length);
      headers.writeBytes(name);
      headers.write(7);
      headers.write(value.length >> 8);
      headers.write(value.length & 0xff);
      headers.writeBytes(value);
    }
    byte[] head = headers.toByteArray();
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    int total = 12 + head.length + body.length + 4;
    ByteBuffer message = ByteBuffer.allocate(total);
    message.putInt(total).putInt(head.length);
    CRC32 prelude = new CRC32();
    prelude.update(message.array(), 0, 8);
    message.putInt((int) prelude.getValue()).put(head).put(body);
    CRC32 all = new CRC32();
    all.update(message.array(), 0, total - 4);
    message.putInt((int) all.getValue());
    return message.array();
  }

  /**
   * @param promptTokens the usage's prompt tokens
   * @return a Chat Completions answer "hi" as OpenAI writes it, complete enough for the official
   *     SDK
   */
  public static String chatAnswer(int promptTokens) {
    return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\","
        + "\"refusal\":null},\"finish_reason\":\"stop\",\"logprobs\":null}],"
        + "\"usage\":{\"prompt_tokens\":"
        + promptTokens
        + ",\"completion_tokens\":1,\"total_tokens\":"
        + (promptTokens + 1)
        + "}}";
  }
}
