package dev.headroom.compress.internal.prose;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.internal.spi.Candidate;
import dev.headroom.compress.internal.spi.ContentCompressor;
import dev.headroom.compress.internal.spi.Input;
import dev.headroom.compress.internal.text.Lines;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Source code and prose are never cut (an agent may edit that code). The only change is lossless
 * for meaning: trailing spaces and tabs are removed and runs of more than two blank lines shortened
 * to two. Markdown's two-space hard line break is the one trailing whitespace that means something,
 * so a line ending in exactly two spaces in prose keeps them.
 */
@API(status = INTERNAL, since = "0.1")
public final class TextCompressor implements ContentCompressor {

  static final double MIN_SAVING = 0.97;

  private final boolean code;

  /**
   * @param code whether the text is source code (then every trailing blank goes)
   */
  public TextCompressor(boolean code) {
    this.code = code;
  }

  @Override
  public Optional<Candidate> compress(Input input) {
    Lines lines = Lines.split(input.text());
    List<String> out = new ArrayList<>(lines.size());
    int blanks = 0;
    boolean changed = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.content(i);
      String cr = lines.get(i).length() > line.length() ? "\r" : "";
      String stripped = line.stripTrailing();
      if (!code && line.endsWith("  ") && !line.endsWith("   ") && !stripped.isEmpty()) {
        stripped = line; // Markdown hard break
      }
      if (stripped.isEmpty()) {
        blanks++;
        if (blanks > 2) {
          changed = true;
          continue;
        }
      } else {
        blanks = 0;
      }
      changed |= stripped.length() != line.length();
      out.add(stripped + cr);
    }
    if (!changed) {
      return Optional.empty();
    }
    String text = lines.join(out);
    // Under 3% saved is not worth counting the tokens of a large text twice to prove it.
    return text.length() < input.text().length() * MIN_SAVING
        ? Optional.of(new Candidate(text, code ? "code:whitespace" : "text:whitespace"))
        : Optional.empty();
  }
}
