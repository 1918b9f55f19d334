package dev.headroom.pipeline;

import dev.headroom.compress.BlockDecision;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The accounting of live-zone decisions against the body that is sent. */
final class Blocks {

  static final String REPLACED_BY_EXTENSION = "replaced_by_extension";

  private Blocks() {}

  static int tokensBefore(List<BlockDecision> blocks) {
    return blocks.stream()
        .filter(BlockDecision::compressed)
        .mapToInt(BlockDecision::tokensBefore)
        .sum();
  }

  static int tokensAfter(List<BlockDecision> blocks) {
    return blocks.stream()
        .filter(BlockDecision::compressed)
        .mapToInt(BlockDecision::tokensAfter)
        .sum();
  }

  static int replayedTokensBefore(List<BlockDecision> blocks) {
    return blocks.stream()
        .filter(BlockDecision::replayed)
        .mapToInt(BlockDecision::tokensBefore)
        .sum();
  }

  static int replayedTokensAfter(List<BlockDecision> blocks) {
    return blocks.stream()
        .filter(BlockDecision::replayed)
        .mapToInt(BlockDecision::tokensAfter)
        .sum();
  }

  static List<Map<String, Object>> maps(List<BlockDecision> blocks) {
    return blocks.stream().map(BlockDecision::toMap).toList();
  }

  /**
   * The decisions as they hold for a payload an extension returned after compression: a compressed
   * block whose value the extension changed is no longer sent compressed, and stops counting.
   *
   * @param sent the payload that is sent
   * @param rewritten the payload as the rewrite left it
   * @param blocks the rewrite's decisions
   */
  static List<BlockDecision> keptIn(
      Map<String, Object> sent, Map<String, Object> rewritten, List<BlockDecision> blocks) {
    List<BlockDecision> kept = new ArrayList<>(blocks.size());
    for (BlockDecision block : blocks) {
      Object now = valueAt(sent, block.path());
      if (!block.compressed() || Objects.equals(now, valueAt(rewritten, block.path()))) {
        kept.add(block);
      } else {
        int bytes =
            now instanceof String text
                ? text.getBytes(StandardCharsets.UTF_8).length
                : block.bytesBefore();
        kept.add(
            new BlockDecision(
                block.path(),
                REPLACED_BY_EXTENSION,
                block.contentType(),
                block.strategy(),
                block.bytesBefore(),
                bytes,
                0,
                0));
      }
    }
    return kept;
  }

  /**
   * @param payload a parsed body
   * @param path a block path such as {@code messages[3].content[0].text}; a WebSocket frame's paths
   *     start inside its {@code response} object
   * @return the value there, or {@code null}
   */
  static Object valueAt(Map<String, Object> payload, String path) {
    Object current = payload;
    if (!path.isEmpty()) {
      String first = path.split("[.\\[]", 2)[0];
      if (!payload.containsKey(first) && payload.get("response") instanceof Map<?, ?> inner) {
        current = inner;
      }
    }
    int i = 0;
    while (i < path.length() && current != null) {
      char c = path.charAt(i);
      if (c == '.') {
        i++;
      } else if (c == '[') {
        int close = path.indexOf(']', i);
        int index = Integer.parseInt(path.substring(i + 1, close));
        current = current instanceof List<?> list && index < list.size() ? list.get(index) : null;
        i = close + 1;
      } else {
        int end = i;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        String name = path.substring(i, end);
        current = current instanceof Map<?, ?> map ? map.get(name) : null;
        i = end;
      }
    }
    return current;
  }
}
