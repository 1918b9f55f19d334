package dev.headroom.pipeline.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.compress.ProviderApi;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Bedrock's binary event streams read for their usage, whatever way the bytes are cut:
 * ConverseStream's {@code metadata} event, and InvokeModel's {@code chunk}s carrying Anthropic's
 * events in base64.
 */
class EventStreamTapTest {

  /** One event-stream message, checksums included, as Bedrock writes it. */
  static byte[] message(String eventType, String payload) {
    ByteArrayOutputStream headers = new ByteArrayOutputStream();
    header(headers, ":event-type", eventType);
    header(headers, ":content-type", "application/json");
    header(headers, ":message-type", "event");
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

  private static void header(ByteArrayOutputStream out, String name, String value) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    byte[] v = value.getBytes(StandardCharsets.UTF_8);
    out.write(n.length);
    out.writeBytes(n);
    out.write(7);
    out.write(v.length >> 8);
    out.write(v.length & 0xff);
    out.writeBytes(v);
  }

  private static void feedInPieces(StreamTap tap, byte[] stream, int piece) {
    for (int at = 0; at < stream.length; at += piece) {
      tap.accept(stream, at, Math.min(piece, stream.length - at));
    }
  }

  @Test
  void converseStreamsMetadataEventGivesTheUsage() {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.writeBytes(message("messageStart", "{\"role\":\"assistant\"}"));
    stream.writeBytes(
        message(
            "contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"ord_100217\"}}"));
    stream.writeBytes(message("messageStop", "{\"stopReason\":\"end_turn\"}"));
    stream.writeBytes(
        message(
            "metadata",
            "{\"usage\":{\"inputTokens\":120,\"outputTokens\":9,\"cacheReadInputTokens\":800,"
                + "\"cacheWriteInputTokens\":0,\"totalTokens\":929},\"metrics\":{\"latencyMs\":310}}"));
    for (int piece : new int[] {1, 7, 4096}) {
      StreamTap tap = StreamTap.ofEventStream(ProviderApi.BEDROCK_CONVERSE);
      feedInPieces(tap, stream.toByteArray(), piece);
      Usage.Tokens tokens = Usage.tokens(ProviderApi.BEDROCK_CONVERSE, tap.summary().usage());
      assertEquals(new Usage.Tokens(920, 800, 0, 9), tokens, "pieces of " + piece);
      assertEquals("end_turn", tap.summary().status());
    }
  }

  @Test
  void invokeStreamsChunksCarryAnthropicsEvents() {
    Base64.Encoder base64 = Base64.getEncoder();
    String start =
        "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
            + "\"model\":\"claude-sonnet-4-5\",\"content\":[],\"usage\":{\"input_tokens\":40,"
            + "\"cache_read_input_tokens\":700,\"output_tokens\":1}}}";
    String delta =
        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":12}}";
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (String event : new String[] {start, delta, "{\"type\":\"message_stop\"}"}) {
      stream.writeBytes(
          message(
              "chunk",
              "{\"bytes\":\""
                  + base64.encodeToString(event.getBytes(StandardCharsets.UTF_8))
                  + "\",\"p\":\"abcd\"}"));
    }
    StreamTap tap = StreamTap.ofEventStream(ProviderApi.ANTHROPIC_MESSAGES);
    feedInPieces(tap, stream.toByteArray(), 5);

    Usage.Tokens tokens = Usage.tokens(ProviderApi.ANTHROPIC_MESSAGES, tap.summary().usage());
    assertEquals(740, tokens.prompt());
    assertEquals(700, tokens.cacheRead());
    assertEquals(12, tokens.output());
  }
}
