package dev.headroom.compress.internal.detect;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.ContentType;
import dev.headroom.compress.Detection;
import dev.headroom.compress.internal.json.JsonTrees;
import dev.headroom.compress.internal.spi.JNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The detection rules behind {@link dev.headroom.compress.ContentDetector}. JSON is validated in
 * full with a streaming parser; line-oriented types are judged on the first {@value #SAMPLE_LINES}
 * lines.
 */
@API(status = INTERNAL, since = "0.1")
public final class Detectors {

  static final int SAMPLE_LINES = 200;

  private static final Pattern DIFF_HEADER =
      Pattern.compile(
          "^(diff --git |diff --cc |diff --combined |@@ -\\d+(,\\d+)? \\+\\d+(,\\d+)? @@)");
  private static final Pattern HTML_START =
      Pattern.compile(
          "^\\s*(<!doctype\\s+html|<html[\\s>]|<head[\\s>]|<body[\\s>])", Pattern.CASE_INSENSITIVE);
  private static final Pattern HTML_TAG =
      Pattern.compile(
          "<(div|span|script|style|link|meta|nav|header|footer|aside|article|section|main|p|table)[\\s>]",
          Pattern.CASE_INSENSITIVE);

  private Detectors() {}

  /**
   * @param content any text
   * @return its detection
   */
  public static Detection detect(String content) {
    return detectParsing(content).detection();
  }

  /**
   * A detection, and the JSON tree when the content is one JSON document (so the JSON compressor
   * does not parse it a second time).
   *
   * @param detection what the content is
   * @param json its tree for JSON types, else empty
   */
  public record Parsed(Detection detection, Optional<JNode> json) {}

  /**
   * @param content any text
   * @return its detection and, for JSON, its tree
   */
  public static Parsed detectParsing(String content) {
    int start = 0;
    int end = content.length();
    while (start < end && Character.isWhitespace(content.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return new Parsed(Detection.of(ContentType.TEXT), Optional.empty());
    }
    char first = content.charAt(start);
    char last = content.charAt(end - 1);
    if ((first == '[' && last == ']') || (first == '{' && last == '}')) {
      Optional<JNode> json = JsonTrees.parse(content);
      if (json.isPresent()) {
        ContentType type =
            json.get() instanceof JNode.JArray ? ContentType.JSON_ARRAY : ContentType.JSON_OBJECT;
        return new Parsed(Detection.of(type), json);
      }
    }
    if (first == '<' && isHtml(content)) {
      return new Parsed(Detection.of(ContentType.HTML), Optional.empty());
    }
    List<String> lines = LineSample.of(content, SAMPLE_LINES);
    if (hasFence(lines)) {
      // Markdown with fenced blocks: mixed prose, never cut.
      return new Parsed(Detection.of(ContentType.TEXT), Optional.empty());
    }
    if (Gutters.numbered(lines)) {
      // A numbered file read: its numbers are a gutter, never a table column. What is read is
      // judged without it: source code, or a log file (an agent reads logs with the same tool).
      List<String> read = Gutters.strip(lines);
      Optional<String> language = CodeLanguages.detect(read);
      if (language.isPresent()) {
        return new Parsed(new Detection(ContentType.CODE, language), Optional.empty());
      }
      LineSample inner = new LineSample(read);
      boolean log =
          inner.jsonLineRatio() >= 0.8 || inner.accessLogRatio() >= 0.5 || inner.logRatio() >= 0.3;
      return new Parsed(Detection.of(log ? ContentType.LOG : ContentType.TEXT), Optional.empty());
    }
    LineSample sample = new LineSample(lines);
    if (sample.isDiff(DIFF_HEADER)) {
      return new Parsed(Detection.of(ContentType.DIFF), Optional.empty());
    }
    if (sample.diagnosticRatio() >= 0.25) {
      // A build's findings: located like search hits, but each an error, a warning or a note.
      return new Parsed(Detection.of(ContentType.LOG), Optional.empty());
    }
    if (sample.searchRatio() >= 0.5 || sample.pathRatio() >= 0.8) {
      return new Parsed(Detection.of(ContentType.SEARCH), Optional.empty());
    }
    if (sample.jsonLineRatio() >= 0.8) {
      // JSON lines: commas everywhere, but not a table.
      return new Parsed(Detection.of(ContentType.LOG), Optional.empty());
    }
    if (sample.accessLogRatio() >= 0.5) {
      // nginx, Apache, Envoy, ALB: requests with a status, grouped by route when compressed.
      return new Parsed(Detection.of(ContentType.LOG), Optional.empty());
    }
    if (sample.isDelimitedTable() || sample.isLongListing()) {
      return new Parsed(Detection.of(ContentType.TABLE), Optional.empty());
    }
    double logRatio = sample.logRatio(); // one regex pass over the sample, used twice below
    if (logRatio >= 0.3) {
      return new Parsed(Detection.of(ContentType.LOG), Optional.empty());
    }
    if (sample.isAlignedTable()) {
      return new Parsed(Detection.of(ContentType.TABLE), Optional.empty());
    }
    Optional<String> language = CodeLanguages.detect(lines);
    if (language.isPresent()) {
      return new Parsed(new Detection(ContentType.CODE, language), Optional.empty());
    }
    if (logRatio >= 0.15) {
      return new Parsed(Detection.of(ContentType.LOG), Optional.empty());
    }
    return new Parsed(Detection.of(ContentType.TEXT), Optional.empty());
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
