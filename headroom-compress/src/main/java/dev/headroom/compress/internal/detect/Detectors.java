package dev.headroom.compress.internal.detect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.headroom.compress.ContentType;
import dev.headroom.compress.Detection;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The detection rules behind {@link dev.headroom.compress.ContentDetector}. JSON is validated in full
 * with a streaming parser; line-oriented types are judged on the first {@value #SAMPLE_LINES} lines.
 */
public final class Detectors {

  static final int SAMPLE_LINES = 200;
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private static final Pattern DIFF_HEADER =
      Pattern.compile("^(diff --git |diff --cc |diff --combined |@@ -\\d+(,\\d+)? \\+\\d+(,\\d+)? @@)");
  private static final Pattern HTML_START =
      Pattern.compile("^\\s*(<!doctype\\s+html|<html[\\s>]|<head[\\s>]|<body[\\s>])",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern HTML_TAG = Pattern.compile(
      "<(div|span|script|style|link|meta|nav|header|footer|aside|article|section|main|p|table)[\\s>]",
      Pattern.CASE_INSENSITIVE);

  private Detectors() {}

  /**
   * @param content any text
   * @return its detection
   */
  public static Detection detect(String content) {
    int start = 0;
    int end = content.length();
    while (start < end && Character.isWhitespace(content.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return Detection.of(ContentType.TEXT);
    }
    char first = content.charAt(start);
    char last = content.charAt(end - 1);
    if ((first == '[' && last == ']') || (first == '{' && last == '}')) {
      Optional<ContentType> json = jsonRoot(content);
      if (json.isPresent()) {
        return Detection.of(json.get());
      }
    }
    if (first == '<' && isHtml(content)) {
      return Detection.of(ContentType.HTML);
    }
    List<String> lines = LineSample.of(content, SAMPLE_LINES);
    if (hasFence(lines)) {
      return Detection.of(ContentType.TEXT); // Markdown with fenced blocks: mixed prose, never cut
    }
    LineSample sample = new LineSample(lines);
    if (sample.isDiff(DIFF_HEADER)) {
      return Detection.of(ContentType.DIFF);
    }
    if (sample.searchRatio() >= 0.5 || sample.pathRatio() >= 0.8) {
      return Detection.of(ContentType.SEARCH);
    }
    if (sample.jsonLineRatio() >= 0.8) {
      return Detection.of(ContentType.LOG); // JSON lines: commas everywhere, but not a table
    }
    if (sample.isDelimitedTable()) {
      return Detection.of(ContentType.TABLE);
    }
    if (sample.logRatio() >= 0.3) {
      return Detection.of(ContentType.LOG);
    }
    if (sample.isAlignedTable()) {
      return Detection.of(ContentType.TABLE);
    }
    Optional<String> language = CodeLanguages.detect(lines);
    if (language.isPresent()) {
      return new Detection(ContentType.CODE, language);
    }
    if (sample.logRatio() >= 0.15) {
      return Detection.of(ContentType.LOG);
    }
    return Detection.of(ContentType.TEXT);
  }

  private static Optional<ContentType> jsonRoot(String content) {
    try (JsonParser p = JSON.createParser(content)) {
      JsonToken root = p.nextToken();
      p.skipChildren();
      if (p.nextToken() != null) {
        return Optional.empty(); // JSON lines or trailing text: not one document
      }
      return Optional.of(root == JsonToken.START_ARRAY ? ContentType.JSON_ARRAY : ContentType.JSON_OBJECT);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean hasFence(List<String> lines) {
    int fences = 0;
    for (String line : lines) {
      if (line.startsWith("```")) {
        fences++;
      }
    }
    return fences >= 2;
  }

  private static boolean isHtml(String content) {
    String head = content.substring(0, Math.min(content.length(), 3000));
    if (HTML_START.matcher(head).lookingAt()) {
      return true;
    }
    int tags = 0;
    var m = HTML_TAG.matcher(head);
    while (m.find() && tags < 3) {
      tags++;
    }
    return tags >= 3;
  }
}
