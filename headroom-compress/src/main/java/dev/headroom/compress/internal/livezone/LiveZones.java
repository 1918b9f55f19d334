package dev.headroom.compress.internal.livezone;

import dev.headroom.compress.ProtectedTools;
import dev.headroom.compress.ProviderApi;
import dev.headroom.compress.internal.livezone.BodyScan.StringValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Which string values of a scanned body form the live zone of each API, and what the user's latest
 * question is. Nothing outside the zone is ever offered for compression.
 */
final class LiveZones {

  /** The tool whose outputs are the originals themselves: compressing them would loop. */
  static final String RETRIEVAL_TOOL = "headroom_retrieve";

  private static final Set<String> RESPONSES_OUTPUT_TYPES =
      Set.of(
          "function_call_output",
          "custom_tool_call_output",
          "local_shell_call_output",
          "apply_patch_call_output");

  /** The zone, or why there is none. */
  /**
   * @param blocks the blocks to compress, in body order
   * @param userText those of them that are the latest user text
   * @param lazyQuery the user's text as the query (decoded only if a block needs it)
   * @param reason why there are none, or {@code ""}
   */
  record Zone(
      List<StringValue> blocks,
      List<StringValue> userText,
      Supplier<String> lazyQuery,
      String reason) {

    static Zone none(String reason) {
      return new Zone(List.of(), List.of(), () -> "", reason);
    }

    String query() {
      return lazyQuery.get();
    }
  }

  private LiveZones() {}

  static String conversationKey(ProviderApi api) {
    return switch (api) {
      case RESPONSES -> "input";
      case GEMINI -> "contents";
      default -> "messages";
    };
  }

  /**
   * @return whether the format's tool outputs may be JSON structures, whose arrays the scan must
   *     record
   */
  static boolean capturesArrays(ProviderApi api) {
    return api == ProviderApi.GEMINI || api == ProviderApi.BEDROCK_CONVERSE;
  }

  /**
   * @param userText whether the latest user text is in the zone (it is the query either way)
   * @param minBytes the smallest block worth compressing (structured outputs offer only larger
   *     ones)
   */
  static Zone select(ProviderApi api, BodyScan scan, boolean userText, int minBytes) {
    return switch (api) {
      case CHAT_COMPLETIONS -> chat(scan, userText);
      case ANTHROPIC_MESSAGES -> anthropic(scan, userText);
      case RESPONSES -> responses(scan);
      case GEMINI -> gemini(scan, userText, minBytes);
      case BEDROCK_CONVERSE -> bedrock(scan, userText, minBytes);
    };
  }

  /**
   * Gemini: every {@code functionResponse} of the contents after the model's last turn, and the
   * latest user text parts.
   */
  private static Zone gemini(BodyScan scan, boolean userTextInZone, int minBytes) {
    Map<Integer, Map<String, StringValue>> items = scan.items();
    int model = latest(items, "model");
    int user = -1;
    for (Map.Entry<Integer, Map<String, StringValue>> item : items.entrySet()) {
      String role = text(item.getValue(), "role").orElse("user");
      if (role.equals("user") && !partTexts(item.getValue()).isEmpty()) {
        user = item.getKey();
      }
    }
    List<StringValue> blocks = new ArrayList<>();
    for (Map.Entry<Integer, Map<String, StringValue>> item : items.entrySet()) {
      if (item.getKey() <= model) {
        continue;
      }
      Set<String> responses = new TreeSet<>();
      for (String key : item.getValue().keySet()) {
        String[] parts = key.split("/");
        if (parts.length >= 4 && parts[0].equals("parts") && parts[2].equals("functionResponse")) {
          responses.add("parts/" + parts[1] + "/functionResponse/response");
        }
      }
      for (String response : responses) {
        blocks.addAll(structured(item.getValue(), response, minBytes));
      }
    }
    List<StringValue> texts = user >= 0 ? partTexts(items.get(user)) : List.of();
    if (userTextInZone) {
      blocks.addAll(texts);
    }
    return zone(blocks, userTextInZone ? texts : List.of(), () -> join(texts));
  }

  /** A Gemini content's text parts (thoughts excluded). */
  private static List<StringValue> partTexts(Map<String, StringValue> fields) {
    List<StringValue> texts = new ArrayList<>();
    for (Hit hit : matching(fields, "parts", "*", "text")) {
      texts.add(hit.value());
    }
    return texts;
  }

  /** Bedrock Converse: the latest user message's tool results and text blocks. */
  private static Zone bedrock(BodyScan scan, boolean userTextInZone, int minBytes) {
    Map<Integer, Map<String, StringValue>> items = scan.items();
    int user = latest(items, "user");
    if (user < 0) {
      return Zone.none("no_live_zone");
    }
    Map<String, StringValue> message = items.get(user);
    List<StringValue> blocks = new ArrayList<>();
    List<StringValue> userText = new ArrayList<>();
    Set<String> json = new TreeSet<>();
    for (Map.Entry<String, StringValue> field : message.entrySet()) {
      String[] parts = field.getKey().split("/");
      if (parts.length == 3 && parts[0].equals("content") && parts[2].equals("text")) {
        userText.add(field.getValue());
      } else if (parts.length >= 6
          && parts[0].equals("content")
          && parts[2].equals("toolResult")
          && parts[3].equals("content")) {
        if (parts.length == 6 && parts[5].equals("text")) {
          blocks.add(field.getValue());
        } else if (parts[5].equals("json")) {
          json.add("content/" + parts[1] + "/toolResult/content/" + parts[4] + "/json");
        }
      }
    }
    for (String value : json) {
      blocks.addAll(structured(message, value, minBytes));
    }
    if (userTextInZone) {
      blocks.addAll(userText);
    }
    return zone(blocks, userTextInZone ? userText : List.of(), () -> join(userText));
  }

  /**
   * The blocks of a JSON tool output at {@code prefix}: its outermost large arrays whose bulk is
   * structure (no single string holds half of it), compressed as JSON; and its large strings
   * outside them, compressed as text.
   */
  private static List<StringValue> structured(
      Map<String, StringValue> fields, String prefix, int minBytes) {
    List<StringValue> under = new ArrayList<>();
    for (Map.Entry<String, StringValue> field : fields.entrySet()) {
      if (field.getKey().equals(prefix) || field.getKey().startsWith(prefix + "/")) {
        under.add(field.getValue());
      }
    }
    // Outer spans first: an array before the values inside it.
    under.sort(
        (a, b) ->
            a.start() != b.start()
                ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end(), a.end()));
    List<StringValue> chosen = new ArrayList<>();
    int coveredUntil = -1;
    for (int i = 0; i < under.size(); i++) {
      StringValue value = under.get(i);
      // Judged by the span, not decoded: a value too small by its span is too small.
      if (value.start() < coveredUntil || value.end() - value.start() - 2 < minBytes) {
        continue;
      }
      if (value.isArray() && !structural(under, i)) {
        continue; // its bulk is one string, which is offered on its own
      }
      chosen.add(value);
      coveredUntil = value.end();
    }
    return chosen;
  }

  /**
   * @param values sorted by start, outer spans first
   * @param at the index of an array among them
   * @return whether no single string holds half of the array: the values inside it follow it
   */
  private static boolean structural(List<StringValue> values, int at) {
    StringValue array = values.get(at);
    int largest = 0;
    for (int i = at + 1; i < values.size() && values.get(i).start() < array.end(); i++) {
      StringValue value = values.get(i);
      if (!value.isArray()) {
        largest = Math.max(largest, value.end() - value.start());
      }
    }
    return largest * 2 < array.end() - array.start();
  }

  /**
   * The string values, anywhere in the conversation, of the outputs of protected tools: each
   * output's tool is the name of the call it answers, found in the same body.
   *
   * @return the values never to be replaced, neither compressed nor replayed
   */
  static Set<StringValue> protectedOutputs(ProviderApi api, BodyScan scan, ProtectedTools tools) {
    if (tools.isEmpty()) {
      return Set.of();
    }
    Map<Integer, Map<String, StringValue>> items = scan.items();
    Map<String, String> callNames = new HashMap<>();
    for (Map<String, StringValue> fields : items.values()) {
      collectCallNames(api, fields, callNames);
    }
    Set<StringValue> protectedValues = new HashSet<>();
    for (Map<String, StringValue> fields : items.values()) {
      switch (api) {
        case CHAT_COMPLETIONS -> {
          String role = text(fields, "role").orElse("");
          String name =
              role.equals("tool")
                  ? callNames.get(text(fields, "tool_call_id").orElse(""))
                  : role.equals("function") ? text(fields, "name").orElse(null) : null;
          if (tools.protects(name)) {
            addUnder(fields, "content", protectedValues);
          }
        }
        case ANTHROPIC_MESSAGES -> {
          for (Hit hit : matching(fields, "content", "*", "tool_use_id")) {
            if (isType(fields, "content/" + hit.index(), "tool_result")
                && tools.protects(callNames.get(hit.value().text()))) {
              addUnder(fields, "content/" + hit.index() + "/content", protectedValues);
            }
          }
        }
        case GEMINI -> {
          for (Hit hit : matching(fields, "parts", "*", "functionResponse", "name")) {
            if (tools.protects(hit.value().text())) {
              addUnder(
                  fields, "parts/" + hit.index() + "/functionResponse/response", protectedValues);
            }
          }
        }
        case BEDROCK_CONVERSE -> {
          for (Hit hit : matching(fields, "content", "*", "toolResult", "toolUseId")) {
            if (tools.protects(callNames.get(hit.value().text()))) {
              addUnder(fields, "content/" + hit.index() + "/toolResult/content", protectedValues);
            }
          }
        }
        case RESPONSES -> {
          String type = text(fields, "type").orElse("");
          String name =
              switch (type) {
                case "local_shell_call_output" -> "local_shell";
                case "apply_patch_call_output" -> "apply_patch";
                default ->
                    RESPONSES_OUTPUT_TYPES.contains(type)
                        ? callNames.get(text(fields, "call_id").orElse(""))
                        : null;
              };
          if (tools.protects(name)) {
            addUnder(fields, "output", protectedValues);
          }
        }
      }
    }
    return protectedValues;
  }

  /**
   * A field of a conversation item whose path matched a pattern, and the segment the pattern's
   * {@code *} stood for (the index of a content part or tool call).
   */
  private record Hit(String index, StringValue value) {}

  /**
   * @param fields a conversation item's string values by path ({@code content/2/tool_use_id})
   * @param pattern the path's segments, {@code *} standing for any one
   * @return the fields of exactly that path, in the item's order
   */
  private static List<Hit> matching(Map<String, StringValue> fields, String... pattern) {
    List<Hit> hits = new ArrayList<>();
    for (Map.Entry<String, StringValue> field : fields.entrySet()) {
      String index = starSegment(field.getKey(), pattern);
      if (index != null) {
        hits.add(new Hit(index, field.getValue()));
      }
    }
    return hits;
  }

  /**
   * The segment of {@code path} the pattern's {@code *} stands for when the path's {@code
   * /}-separated segments match the pattern's one for one, else null. Read in place: every field of
   * every item of a long conversation is tried on every request.
   */
  private static String starSegment(String path, String... pattern) {
    int at = 0;
    String star = null;
    for (int i = 0; i < pattern.length; i++) {
      int end = path.indexOf('/', at);
      if (end < 0) {
        if (i != pattern.length - 1) {
          return null;
        }
        end = path.length();
      } else if (i == pattern.length - 1) {
        return null; // more segments than the pattern
      }
      if (pattern[i].equals("*")) {
        star = path.substring(at, end);
      } else if (end - at != pattern[i].length() || !path.startsWith(pattern[i], at)) {
        return null;
      }
      at = end + 1;
    }
    return star;
  }

  /** Who each call id names: the tool calls of one conversation item. */
  private static void collectCallNames(
      ProviderApi api, Map<String, StringValue> fields, Map<String, String> callNames) {
    switch (api) {
      case CHAT_COMPLETIONS -> {
        for (Hit hit : matching(fields, "tool_calls", "*", "id")) {
          text(fields, "tool_calls/" + hit.index() + "/function/name")
              .ifPresent(name -> callNames.put(hit.value().text(), name));
        }
      }
      case ANTHROPIC_MESSAGES -> {
        for (Hit hit : matching(fields, "content", "*", "id")) {
          if (isType(fields, "content/" + hit.index(), "tool_use")) {
            text(fields, "content/" + hit.index() + "/name")
                .ifPresent(name -> callNames.put(hit.value().text(), name));
          }
        }
      }
      case GEMINI -> {
        // A functionResponse names its tool itself.
      }
      case BEDROCK_CONVERSE -> {
        for (Hit hit : matching(fields, "content", "*", "toolUse", "toolUseId")) {
          text(fields, "content/" + hit.index() + "/toolUse/name")
              .ifPresent(name -> callNames.put(hit.value().text(), name));
        }
      }
      case RESPONSES -> {
        String type = text(fields, "type").orElse("");
        if (type.equals("function_call") || type.equals("custom_tool_call")) {
          Optional<String> name = text(fields, "name");
          text(fields, "call_id").ifPresent(id -> name.ifPresent(n -> callNames.put(id, n)));
        }
      }
    }
  }

  private static void addUnder(
      Map<String, StringValue> fields, String key, Set<StringValue> values) {
    for (Map.Entry<String, StringValue> field : fields.entrySet()) {
      if (field.getKey().equals(key) || field.getKey().startsWith(key + "/")) {
        values.add(field.getValue());
      }
    }
  }

  /** The most characters of user text used as the query: its end. */
  static final int QUERY_CHARS = 2_000;

  private static Zone chat(BodyScan scan, boolean userText) {
    Object n = scan.topLevel.get("n");
    if (n instanceof Number number
        && new BigDecimal(number.toString()).compareTo(BigDecimal.ONE) > 0) {
      return Zone.none("n_greater_than_one");
    }
    Map<Integer, Map<String, StringValue>> items = scan.items();
    // The current turn's tool outputs: every tool message after the last assistant message (one
    // per call when the model called several tools at once).
    int assistant = latest(items, "assistant");
    int user = latest(items, "user");
    List<StringValue> blocks = new ArrayList<>();
    List<StringValue> userTexts = new ArrayList<>();
    for (Map.Entry<Integer, Map<String, StringValue>> item : items.entrySet()) {
      int index = item.getKey();
      boolean currentTool =
          index > assistant && "tool".equals(text(item.getValue(), "role").orElse(null));
      if (currentTool || index == user) {
        List<StringValue> texts = texts(item.getValue(), "content");
        if (currentTool || userText) {
          blocks.addAll(texts);
        }
        if (index == user) {
          userTexts.addAll(texts);
        }
      }
    }
    return zone(blocks, userText ? userTexts : List.of(), () -> join(userTexts));
  }

  private static Zone anthropic(BodyScan scan, boolean userTextInZone) {
    Map<Integer, Map<String, StringValue>> items = scan.items();
    int user = latest(items, "user");
    if (user < 0) {
      return Zone.none("no_live_zone");
    }
    Map<String, StringValue> message = items.get(user);
    List<StringValue> blocks = new ArrayList<>();
    List<StringValue> userText = new ArrayList<>();
    for (Map.Entry<String, StringValue> field : message.entrySet()) {
      String key = field.getKey();
      String[] parts = key.split("/");
      if (key.equals("content")
          || parts.length == 3
              && parts[0].equals("content")
              && parts[2].equals("text")
              && isType(message, "content/" + parts[1], "text")) {
        if (userTextInZone) {
          blocks.add(field.getValue());
        }
        userText.add(field.getValue());
      } else if (parts.length >= 3
          && parts[0].equals("content")
          && parts[2].equals("content")
          && isType(message, "content/" + parts[1], "tool_result")) {
        String resultKey = "content/" + parts[1] + "/content";
        boolean plain = parts.length == 3;
        boolean textBlock =
            parts.length == 5
                && parts[4].equals("text")
                && isType(message, resultKey + "/" + parts[3], "text");
        if (plain || textBlock) {
          blocks.add(field.getValue());
        }
      }
    }
    return zone(
        blocks,
        userTextInZone ? userText : List.of(),
        () -> userText.isEmpty() ? latestUserText(items) : join(userText));
  }

  private static Zone responses(BodyScan scan) {
    Map<Integer, Map<String, StringValue>> items = scan.items();
    int lastAssistant = -1;
    Set<String> retrievalCalls = new HashSet<>();
    Map<String, StringValue> lastUser = Map.of();
    for (Map.Entry<Integer, Map<String, StringValue>> item : items.entrySet()) {
      Map<String, StringValue> fields = item.getValue();
      String type = text(fields, "type").orElse("message");
      String role = text(fields, "role").orElse("");
      if (type.equals("message") && role.equals("assistant")) {
        lastAssistant = item.getKey();
      }
      if (type.equals("message") && role.equals("user")) {
        lastUser = fields;
      }
      if (RETRIEVAL_TOOL.equals(text(fields, "name").orElse(null))) {
        text(fields, "call_id").ifPresent(retrievalCalls::add);
      }
    }
    List<StringValue> blocks = new ArrayList<>();
    for (Map.Entry<Integer, Map<String, StringValue>> item : items.entrySet()) {
      Map<String, StringValue> fields = item.getValue();
      if (item.getKey() > lastAssistant
          && RESPONSES_OUTPUT_TYPES.contains(text(fields, "type").orElse(""))
          && !retrievalCalls.contains(text(fields, "call_id").orElse(""))
          && fields.containsKey("output")) {
        blocks.add(fields.get("output"));
      }
    }
    Map<String, StringValue> user = lastUser;
    return zone(blocks, List.of(), () -> join(texts(user, "content")));
  }

  private static Zone zone(
      List<StringValue> blocks, List<StringValue> userText, Supplier<String> query) {
    blocks.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return new Zone(blocks, userText, query, blocks.isEmpty() ? "no_live_zone" : "");
  }

  /**
   * The string content, or the {@code text} of each part whose type is text (images and others
   * skipped).
   */
  private static List<StringValue> texts(Map<String, StringValue> fields, String contentKey) {
    List<StringValue> texts = new ArrayList<>();
    for (Map.Entry<String, StringValue> field : fields.entrySet()) {
      String key = field.getKey();
      if (key.equals(contentKey)) {
        texts.add(field.getValue());
        continue;
      }
      String[] parts = key.split("/");
      if (parts.length == 3 && parts[0].equals(contentKey) && parts[2].equals("text")) {
        String partType = text(fields, contentKey + "/" + parts[1] + "/type").orElse("text");
        if (partType.equals("text") || partType.equals("input_text")) {
          texts.add(field.getValue());
        }
      }
    }
    return texts;
  }

  private static int latest(Map<Integer, Map<String, StringValue>> items, String role) {
    int latest = -1;
    for (Map.Entry<Integer, Map<String, StringValue>> item : items.entrySet()) {
      if (role.equals(text(item.getValue(), "role").orElse(null))) {
        latest = item.getKey();
      }
    }
    return latest;
  }

  private static String latestUserText(Map<Integer, Map<String, StringValue>> items) {
    List<StringValue> latest = List.of();
    for (Map<String, StringValue> fields : items.values()) {
      if ("user".equals(text(fields, "role").orElse(null))) {
        List<StringValue> texts = texts(fields, "content");
        if (!texts.isEmpty()) {
          latest = texts;
        }
      }
    }
    return join(latest);
  }

  private static boolean isType(Map<String, StringValue> fields, String blockKey, String type) {
    return type.equals(text(fields, blockKey + "/type").orElse(null));
  }

  private static Optional<String> text(Map<String, StringValue> fields, String key) {
    StringValue value = fields.get(key);
    return value == null ? Optional.empty() : Optional.of(value.text());
  }

  /**
   * The user's text as the query the compressors rank rows and lines by: its last {@link
   * #QUERY_CHARS} characters (a question usually ends a long paste), without copying all of a long
   * text first.
   */
  private static String join(List<StringValue> values) {
    StringBuilder text = new StringBuilder();
    for (StringValue value : values) {
      text.append(text.length() == 0 ? "" : "\n").append(value.text());
      if (text.length() > 2 * QUERY_CHARS) {
        text.delete(0, text.length() - QUERY_CHARS);
      }
    }
    return text.length() > QUERY_CHARS
        ? text.substring(text.length() - QUERY_CHARS)
        : text.toString();
  }
}
