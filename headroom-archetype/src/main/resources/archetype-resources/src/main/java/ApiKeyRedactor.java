package ${package};

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineStage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Replaces strings that look like API keys in the latest user message with {@code [redacted]},
 * before the request is compressed or sent. Works on Chat Completions, Anthropic Messages and
 * Responses payloads: plain string contents and the text parts of content arrays.
 */
public final class ApiKeyRedactor implements PipelineExtension {

  private static final Pattern API_KEY = Pattern.compile(
      "\\b(?:sk-[A-Za-z0-9_-]{16,}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|AIza[0-9A-Za-z_-]{35})");
  private static final String REDACTED = "[redacted]";

  /** Required by ServiceLoader. */
  public ApiKeyRedactor() {}

  @Override
  public String id() {
    return "${extensionId}";
  }

  @Override
  public Set<PipelineStage> stages() {
    return Set.of(PipelineStage.INPUT_RECEIVED);
  }

  @Override
  public int order() {
    return -100; // before other extensions read the text
  }

  @Override
  public PipelineEvent onEvent(PipelineEvent event) {
    if (event.stage() != PipelineStage.INPUT_RECEIVED) {
      return event;
    }
    List<Object> messages = event.messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof Map<?, ?> message && "user".equals(message.get("role"))) {
        Object content = message.get("content");
        Object redacted = redact(content);
        if (redacted == content) {
          return event;
        }
        Map<Object, Object> copy = new LinkedHashMap<>(message);
        copy.put("content", redacted);
        List<Object> updated = new ArrayList<>(messages);
        updated.set(i, copy);
        return event.withMessages(updated);
      }
    }
    return event;
  }

  /** Returns the same object when there is nothing to redact. */
  private static Object redact(Object content) {
    if (content instanceof String text) {
      return API_KEY.matcher(text).find() ? API_KEY.matcher(text).replaceAll(REDACTED) : text;
    }
    if (content instanceof List<?> parts) {
      List<Object> copy = new ArrayList<>(parts.size());
      boolean changed = false;
      for (Object part : parts) {
        Object redacted = part;
        if (part instanceof Map<?, ?> block && block.get("text") instanceof String text && API_KEY.matcher(text).find()) {
          Map<Object, Object> replaced = new LinkedHashMap<>(block);
          replaced.put("text", API_KEY.matcher(text).replaceAll(REDACTED));
          redacted = replaced;
          changed = true;
        }
        copy.add(redacted);
      }
      return changed ? copy : content;
    }
    return content;
  }
}
