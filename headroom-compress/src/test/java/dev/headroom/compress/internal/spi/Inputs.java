package dev.headroom.compress.internal.spi;

import dev.headroom.compress.ContentDetector;
import dev.headroom.compress.internal.ccr.CcrSink;
import dev.headroom.compress.internal.text.Lines;
import dev.headroom.compress.internal.text.Query;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Builds compressor inputs for tests and checks the line-preservation rule. */
public final class Inputs {

  /** Lines a compressor may add: gap counts, CCR markers, recomputed diff hunk headers. */
  public static final Pattern SYNTHETIC =
      Pattern.compile(
          "^(\\[… \\d+ \\w+( in .*)?\\]|<<ccr:[0-9a-f]{16} .*>>|@@ -\\d+(,\\d+)? \\+\\d+(,\\d+)? @@.*)\\r?$");

  private Inputs() {}

  /**
   * @param text the content
   * @param query the question
   * @param targetTokens the budget
   * @return an input for it
   */
  public static Input of(String text, String query, int targetTokens) {
    return new Input(
        text, ContentDetector.detect(text), Query.parse(query), targetTokens, new CcrSink("test"));
  }

  /**
   * @param input the original
   * @param output the compressed text
   * @return the output lines that are neither input lines nor synthetic lines
   */
  public static List<String> foreignLines(String input, String output) {
    Set<String> original = new HashSet<>(Lines.split(input).lines());
    return Lines.split(output).lines().stream()
        .filter(l -> !original.contains(l) && !SYNTHETIC.matcher(l).matches())
        .toList();
  }
}
