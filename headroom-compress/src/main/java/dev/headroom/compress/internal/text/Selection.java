package dev.headroom.compress.internal.text;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.internal.ccr.CcrSink;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Which lines of a {@link Lines} text are kept, and how the result is rendered: kept lines verbatim
 * and in order, each run of omitted lines as one {@code [… N lines]} line, and a final {@code
 * <<ccr:HASH …>>} marker whose entry holds the whole original.
 */
@API(status = INTERNAL, since = "0.1")
public final class Selection {

  private final Lines lines;
  private final BitSet kept;
  private int keptChars;

  /**
   * @param lines the text
   */
  public Selection(Lines lines) {
    this.lines = lines;
    this.kept = new BitSet(lines.size());
  }

  /**
   * @param i a line index; out-of-range indices are ignored
   * @return true if it was newly kept
   */
  public boolean keep(int i) {
    if (i < 0 || i >= lines.size() || kept.get(i)) {
      return false;
    }
    kept.set(i);
    keptChars += lines.get(i).length() + 1;
    return true;
  }

  /**
   * @param i a line index
   * @return whether it is kept
   */
  public boolean isKept(int i) {
    return kept.get(i);
  }

  /**
   * @return characters kept so far
   */
  public int keptChars() {
    return keptChars;
  }

  /**
   * @return number of kept lines
   */
  public int keptCount() {
    return kept.cardinality();
  }

  /**
   * @return the lines not kept, without CR
   */
  public List<String> omittedLines() {
    List<String> out = new ArrayList<>();
    for (int i = kept.nextClearBit(0); i < lines.size(); i = kept.nextClearBit(i + 1)) {
      out.add(lines.content(i));
    }
    return out;
  }

  /**
   * @param original the whole original text, stored for retrieval
   * @param sink where it goes
   * @param unit what a line is called in the summary, e.g. {@code lines} or {@code rows}
   * @param details extra summary after the counts, may be empty
   * @return the rendered text
   */
  public String render(String original, CcrSink sink, String unit, String details) {
    return render(original, sink, unit, details, (from, to) -> null);
  }

  /** Names a run of omitted lines, e.g. by the one file they all belong to; null for no name. */
  public interface GapLabel {
    /**
     * @param from first omitted index
     * @param to end index, exclusive
     * @return a short name, or null
     */
    String label(int from, int to);
  }

  /**
   * @param original the whole original text, stored for retrieval
   * @param sink where it goes
   * @param unit what a line is called in the summary
   * @param details extra summary after the counts, may be empty
   * @param gapLabel names runs of omitted lines
   * @return the rendered text
   */
  public String render(
      String original, CcrSink sink, String unit, String details, GapLabel gapLabel) {
    int omitted = lines.size() - keptCount();
    List<String> out = new ArrayList<>(keptCount() + 16);
    int i = 0;
    while (i < lines.size()) {
      if (kept.get(i)) {
        out.add(lines.get(i));
        i++;
        continue;
      }
      int j = kept.nextSetBit(i);
      int end = j < 0 ? lines.size() : j;
      String label = gapLabel.label(i, end);
      out.add(
          lines.synthetic(
              "[… " + (end - i) + " " + unit + (label == null ? "" : " in " + label) + "]"));
      i = end;
    }
    String description =
        omitted
            + " of "
            + lines.size()
            + " lines omitted"
            + (details.isEmpty() ? "" : "; " + details);
    out.add(lines.synthetic(sink.drop(original, description.replace(">>", "> >"))));
    return lines.join(out);
  }
}
