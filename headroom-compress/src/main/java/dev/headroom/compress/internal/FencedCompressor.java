package dev.headroom.compress.internal;

import dev.headroom.compress.ContentType;
import dev.headroom.compress.internal.detect.Detectors;
import dev.headroom.compress.internal.spi.Candidate;
import dev.headroom.compress.internal.spi.ContentCompressor;
import dev.headroom.compress.internal.spi.Input;
import dev.headroom.compress.internal.text.Lines;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Markdown with fenced blocks (a tool result that mixes prose, a JSON document and a log tail): the
 * prose and the fence lines are kept as they are, and each fenced block large enough to matter is
 * detected and compressed on its own by the compressor for its type. Code blocks and prose are
 * never cut. Without a compressible block, the text goes to the lossless prose compressor.
 */
final class FencedCompressor implements ContentCompressor {

  static final int MIN_BLOCK_BYTES = 512;
  private static final Set<ContentType> LOSSY =
      EnumSet.of(
          ContentType.JSON_ARRAY,
          ContentType.JSON_OBJECT,
          ContentType.LOG,
          ContentType.SEARCH,
          ContentType.DIFF,
          ContentType.TABLE);

  private final Map<ContentType, ContentCompressor> byType;
  private final ContentCompressor prose;

  FencedCompressor(Map<ContentType, ContentCompressor> byType, ContentCompressor prose) {
    this.byType = byType;
    this.prose = prose;
  }

  @Override
  public Optional<Candidate> compress(Input input) {
    Lines lines = Lines.split(input.text());
    List<String> out = new ArrayList<>(lines.size());
    boolean changed = false;
    int i = 0;
    while (i < lines.size()) {
      out.add(lines.get(i));
      if (!lines.content(i).startsWith("```")) {
        i++;
        continue;
      }
      int close = i + 1;
      while (close < lines.size() && !lines.content(close).startsWith("```")) {
        close++;
      }
      if (close >= lines.size()) { // unclosed fence: leave the rest alone
        for (int k = i + 1; k < lines.size(); k++) {
          out.add(lines.get(k));
        }
        break;
      }
      String block = lines.slice(i + 1, close);
      Optional<Candidate> inner = compressBlock(block, input);
      if (inner.isPresent()) {
        String text = inner.get().text();
        out.add(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        changed = true;
      } else {
        for (int k = i + 1; k < close; k++) {
          out.add(lines.get(k));
        }
      }
      out.add(lines.get(close));
      i = close + 1;
    }
    return changed
        ? Optional.of(new Candidate(lines.join(out), "text:fenced"))
        : prose.compress(input);
  }

  private Optional<Candidate> compressBlock(String block, Input input) {
    if (block.length() < MIN_BLOCK_BYTES) {
      return Optional.empty();
    }
    Detectors.Parsed parsed = Detectors.detectParsing(block);
    ContentType type = parsed.detection().type();
    if (!LOSSY.contains(type)) {
      return Optional.empty();
    }
    Input inner =
        new Input(
            block,
            parsed.detection(),
            input.query(),
            input.targetTokens(),
            input.sink(),
            parsed.json());
    return byType.get(type).compress(inner).filter(c -> c.text().length() < block.length());
  }
}
