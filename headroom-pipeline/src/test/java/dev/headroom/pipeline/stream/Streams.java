package dev.headroom.pipeline.stream;

/** Recorded-shape SSE streams of the three dialects, used by framer and state-machine tests. */
final class Streams {

  private Streams() {}

  static final String ANTHROPIC =
      ""
          + "event: message_start\n"
          + "data: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\","
          + "\"model\":\"claude-sonnet-4-5\",\"content\":[],\"usage\":{\"input_tokens\":25,\"cache_read_input_tokens\":7,"
          + "\"output_tokens\":1}}}\n\n"
          + "event: content_block_start\n"
          + "data: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
          + "event: ping\ndata: {\"type\": \"ping\"}\n\n"
          + ": a comment line\n\n"
          + "event: content_block_delta\n"
          + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Caf\u00e9 \ud83d\ude80 \u65e5\u672c\"}}\n\n"
          + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
          + "event: message_delta\n"
          + "data: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":15}}\n\n"
          + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

  static final String CHAT =
      ""
          + "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
          + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\r\n\r\n"
          + "data: {\"id\":\"chatcmpl-1\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"h\u00e9llo\"},"
          + "\"finish_reason\":null}]}\r\n\r\n"
          + "data: {\"id\":\"chatcmpl-1\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\r\n\r\n"
          + "data: {\"id\":\"chatcmpl-1\",\"model\":\"gpt-4o\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,"
          + "\"total_tokens\":11,\"prompt_tokens_details\":{\"cached_tokens\":4}}}\r\n\r\n"
          + "data: [DONE]\r\n\r\n";

  static final String RESPONSES =
      ""
          + "event: response.created\n"
          + "data: {\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-5\",\"status\":\"in_progress\"}}\n\n"
          + "event: response.output_text.delta\n"
          + "data: {\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"delta\":\"\u4f60\u597d\"}\n\n"
          + "event: response.output_text.delta\n"
          + "data: {\"type\":\"response.output_text.delta\",\n"
          + "data: \"item_id\":\"msg_1\",\"delta\":\"!\"}\n\n"
          + "event: response.completed\n"
          + "data: {\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-5\",\"status\":\"completed\","
          + "\"usage\":{\"input_tokens\":30,\"output_tokens\":5,\"total_tokens\":35,\"input_tokens_details\":{\"cached_tokens\":12}}}}\n\n";
}
