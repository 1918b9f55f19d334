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
  RESPONSES
}
