package dev.headroom.it.examples;

// tag::redactor[]
import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineStage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Replaces OpenAI-style secret keys in message text before anything else sees the request. */
public final class SecretRedactor implements PipelineExtension {

  private static final Pattern SECRET = Pattern.compile("sk-[A-Za-z0-9_-]{16,}");

  @Override
  public String id() {
    return "acme-secret-redactor";
  }

  @Override
  public Set<PipelineStage> stages() {
    return Set.of(PipelineStage.INPUT_RECEIVED);
  }

  @Override
  public int order() {
    return -100; // before any extension that reads message text
  }

  @Override
  public PipelineEvent onEvent(PipelineEvent event) {
    List<Object> messages = new ArrayList<>();
    for (Object message : event.messages()) {
      messages.add(redact(message));
    }
    return event.withMessages(messages); // the same event when nothing was redacted
  }

  private static Object redact(Object message) {
    if (message instanceof Map<?, ?> map
        && map.get("content") instanceof String text
        && SECRET.matcher(text).find()) {
      Map<Object, Object> copy = new LinkedHashMap<>(map);
      copy.put("content", SECRET.matcher(text).replaceAll("[redacted]"));
      return copy;
    }
    return message;
  }
}
// end::redactor[]
