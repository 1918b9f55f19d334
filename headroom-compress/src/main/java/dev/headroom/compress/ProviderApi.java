package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The request formats whose live zone Headroom knows how to find. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ProviderApi {

  /**
   * OpenAI Chat Completions ({@code POST /v1/chat/completions}): the content of every {@code role:
   * tool} message after the last assistant message (the current turn's tool outputs, several when
   * the model called tools in parallel) and the latest {@code role: user} message's text; nothing
   * when {@code n > 1}.
   */
  CHAT_COMPLETIONS,

  /**
   * Anthropic Messages ({@code POST /v1/messages}): the latest user message, its {@code
   * tool_result} contents and text blocks, even when it carries {@code cache_control} (as coding
   * agents mark the last block of every turn): a {@link ReplayMemory} keeps it the same compressed
   * bytes on every later turn, so what the provider cached stays valid.
   */
  ANTHROPIC_MESSAGES,

  /**
   * OpenAI Responses ({@code POST /v1/responses}, and each WebSocket {@code response.create}
   * frame): the {@code output} strings of the current turn's tool-output items (those after the
   * last assistant message), except outputs of the {@code headroom_retrieve} tool.
   */
  RESPONSES,

  /**
   * Google Gemini {@code generateContent} / {@code streamGenerateContent}, on the Gemini API and on
   * Vertex AI: the {@code functionResponse} parts of the contents after the model's last turn, and
   * the latest user text parts. A {@code functionResponse.response} is a JSON object: its large
   * string values are compressed as text, and its large arrays of records are compressed as JSON
   * and sent as the compressor's JSON in the array's place (a string only if the result is not
   * JSON). {@code systemInstruction}, {@code tools} and {@code cachedContent} are never touched.
   */
  GEMINI,

  /**
   * Amazon Bedrock {@code Converse} / {@code ConverseStream}: the latest user message's {@code
   * toolResult} contents ({@code text} blocks as text; large string values and arrays inside {@code
   * json} blocks as for {@link #GEMINI}) and its {@code text} blocks.
   */
  BEDROCK_CONVERSE
}
