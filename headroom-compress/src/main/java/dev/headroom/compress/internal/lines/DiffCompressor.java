package dev.headroom.compress.internal.lines;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.internal.spi.Candidate;
import dev.headroom.compress.internal.spi.ContentCompressor;
import dev.headroom.compress.internal.spi.Input;
import dev.headroom.compress.internal.text.Lines;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Unified diffs. Every line outside hunks (commit header, {@code diff --git}, {@code index}, {@code
 * rename}, {@code ---}/{@code +++}) and every added, removed and {@code \ No newline} line is kept;
 * context lines further than {@value #CONTEXT} from a change are dropped. A hunk with a dropped run
 * inside is split in two with recomputed {@code @@ -a,b +c,d @@} headers, so the output still
 * applies. The original is stored, and the marker goes first, where {@code git apply} ignores it.
 */
@API(status = INTERNAL, since = "0.1")
public final class DiffCompressor implements ContentCompressor {

  static final int CONTEXT = 1;
  static final int MIN_GAP = 4;
  private static final Pattern HUNK =
      Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@(.*)$");

  @Override
  public Optional<Candidate> compress(Input input) {
    Lines lines = Lines.split(input.text());
    int n = lines.size();
    List<String> out = new ArrayList<>(n);
    int dropped = 0;
    int i = 0;
    while (i < n) {
      Matcher m = HUNK.matcher(lines.content(i));
      if (!m.matches()) {
        out.add(lines.get(i));
        i++;
        continue;
      }
      int oldStart = Integer.parseInt(m.group(1));
      int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      int newStart = Integer.parseInt(m.group(3));
      int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
      int bodyStart = i + 1;
      int end = bodyStart;
      int oldSeen = 0;
      int newSeen = 0;
      while (end < n
          && (oldSeen < oldCount || newSeen < newCount || lines.content(end).startsWith("\\"))) {
        String l = lines.content(end);
        char c = l.isEmpty() ? ' ' : l.charAt(0);
        if (c == '-') {
          oldSeen++;
        } else if (c == '+') {
          newSeen++;
        } else if (c == ' ' || l.isEmpty()) {
          oldSeen++;
          newSeen++;
        } else if (c != '\\') {
          break; // malformed: stop at the first line that is not part of a hunk
        }
        end++;
      }
      dropped += emitHunk(lines, bodyStart, end, oldStart, newStart, lines.get(i), m.group(5), out);
      i = end;
    }
    if (dropped == 0) {
      return Optional.empty();
    }
    String marker = input.sink().drop(input.text(), dropped + " unchanged context lines omitted");
    out.add(0, lines.synthetic(marker));
    return Optional.of(new Candidate(lines.join(out), "diff"));
  }

  /**
   * Writes one hunk, split where context runs were dropped; returns the number of dropped lines.
   */
  private static int emitHunk(
      Lines lines,
      int from,
      int to,
      int oldStart,
      int newStart,
      String originalHeader,
      String section,
      List<String> out) {
    int len = to - from;
    boolean[] keep = new boolean[len];
    for (int k = 0; k < len; k++) {
      String l = lines.content(from + k);
      if (!l.isEmpty() && (l.charAt(0) == '+' || l.charAt(0) == '-' || l.charAt(0) == '\\')) {
        for (int d = -CONTEXT; d <= CONTEXT; d++) {
          if (k + d >= 0 && k + d < len) {
            keep[k + d] = true;
          }
        }
      }
    }
    // A split costs a header line: only drop runs of context long enough to pay for it.
    for (int k = 0; k < len; ) {
      if (keep[k]) {
        k++;
        continue;
      }
      int e = k;
      while (e < len && !keep[e]) {
        e++;
      }
      if (e - k < MIN_GAP && k > 0 && e < len) {
        Arrays.fill(keep, k, e, true);
      }
      k = e;
    }
    int droppedCount = 0;
    for (boolean b : keep) {
      droppedCount += b ? 0 : 1;
    }
    if (droppedCount == 0) {
      out.add(originalHeader);
      for (int k = from; k < to; k++) {
        out.add(lines.get(k));
      }
      return 0;
    }
    int oldLine = oldStart;
    int newLine = newStart;
    int k = 0;
    while (k < len) {
      if (!keep[k]) {
        char c = charAt(lines.content(from + k));
        oldLine += c == '+' ? 0 : 1;
        newLine += c == '-' ? 0 : 1;
        k++;
        continue;
      }
      int runEnd = k;
      int oldCount = 0;
      int newCount = 0;
      while (runEnd < len && keep[runEnd]) {
        char c = charAt(lines.content(from + runEnd));
        if (c != '\\') {
          oldCount += c == '+' ? 0 : 1;
          newCount += c == '-' ? 0 : 1;
        }
        runEnd++;
      }
      out.add(
          lines.synthetic(
              "@@ -"
                  + range(oldLine, oldCount)
                  + " +"
                  + range(newLine, newCount)
                  + " @@"
                  + section));
      for (int r = k; r < runEnd; r++) {
        out.add(lines.get(from + r));
      }
      oldLine += oldCount;
      newLine += newCount;
      k = runEnd;
    }
    return droppedCount;
  }

  private static char charAt(String l) {
    return l.isEmpty() ? ' ' : l.charAt(0);
  }

  private static String range(int start, int count) {
    return count == 1
        ? String.valueOf(start)
        : (count == 0 ? (start - 1) + ",0" : start + "," + count);
  }
}
