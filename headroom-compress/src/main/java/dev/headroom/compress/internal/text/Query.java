package dev.headroom.compress.internal.text;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The user's question as search terms. Identifiers (anything with a digit, {@code _ - . / @ :} or
 * inner capitals) and quoted phrases are strong and matched case-sensitively; plain words are weak
 * and matched case-insensitively. Common English words are ignored.
 */
@API(status = INTERNAL, since = "0.1")
public final class Query {

  private static final Pattern QUOTED =
      Pattern.compile("\"([^\"]{2,})\"|`([^`]{2,})`|'([^'\\s][^']*[^'\\s])'");
  private static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_./@:\\-]*[\\p{L}\\p{N}_]|[\\p{L}\\p{N}]{3,}");
  private static final Pattern STRONG =
      Pattern.compile("\\d|[_./@:\\-]|\\p{Ll}\\p{Lu}|[^\\p{IsLatin}\\p{N}\\p{P}\\s]");
  private static final Set<String> STOP =
      Set.of(
          "the",
          "and",
          "for",
          "are",
          "was",
          "were",
          "what",
          "which",
          "who",
          "whom",
          "why",
          "how",
          "when",
          "where",
          "does",
          "did",
          "doing",
          "done",
          "this",
          "that",
          "these",
          "those",
          "with",
          "from",
          "into",
          "about",
          "any",
          "anything",
          "there",
          "their",
          "them",
          "they",
          "our",
          "your",
          "you",
          "has",
          "have",
          "had",
          "not",
          "but",
          "can",
          "could",
          "should",
          "would",
          "will",
          "its",
          "it's",
          "is",
          "in",
          "on",
          "of",
          "to",
          "a",
          "an",
          "me",
          "my",
          "we",
          "us",
          "get",
          "give",
          "list",
          "show",
          "tell",
          "find",
          "right",
          "now",
          "than",
          "then",
          "some",
          "all",
          "each",
          "other",
          "been",
          "being",
          "just",
          "only",
          "also",
          "if",
          "so",
          "or",
          "be",
          "do",
          "go",
          "at",
          "by",
          "as",
          "up",
          "out",
          "off",
          "too",
          "very",
          "say",
          "said",
          "want",
          "need",
          "use",
          "used",
          "set",
          "make",
          "happen",
          "happens",
          "happened",
          "here",
          "still",
          "ago",
          "minutes",
          "few",
          "around",
          "last",
          "hour",
          "file",
          "line",
          "lines");

  private static final Query EMPTY = new Query(List.of());

  /** Lower-case letters from the most to the least common in English. */
  private static final String BY_FREQUENCY = "etaoinsrhldcumfpgwybvkxjqz";

  /**
   * The last query parsed and its result. Every block of a request, and every request until the
   * user asks something new, is compressed against the same question. A query is immutable and a
   * record's fields are final, so threads share it without locks; a lost update only costs a parse.
   */
  private static volatile Parsed lastParsed;

  private record Parsed(String text, Query query) {}

  private final List<Term> terms;

  private Query(List<Term> terms) {
    this.terms = terms;
  }

  /**
   * One search term.
   *
   * @param text the term as the user wrote it
   * @param lower its lower case
   * @param strong whether it is matched exactly (an id, a quoted phrase)
   * @param asciiLower whether it is weak and its lower case is ASCII, of two characters or more
   * @param anchor where in {@code lower} its rarest letter is
   */
  public record Term(String text, String lower, boolean strong, boolean asciiLower, int anchor) {

    /**
     * @param text the term as the user wrote it
     * @param lower its lower case
     * @param strong whether it is matched exactly
     */
    public Term(String text, String lower, boolean strong) {
      // Worked out once: a term is matched against every row and line of a block.
      this(text, lower, strong, lowerIsAscii(lower, strong), rarestPlace(lower));
    }

    /**
     * Whether the term occurs in a line: a strong term as it is, a weak one in the line lower-cased
     * ({@code line.toLowerCase(Locale.ROOT).contains(lower)}). That copy is made only for a term
     * with characters beyond ASCII (or of one character), and only when {@link #mayBeIn} allows, or
     * when the scan below finds too many candidates. Only three kinds of character lower-case to
     * ASCII ({@link #LOWERING_TO}): ASCII itself, the Kelvin sign (to {@code k}) and U+0130 (to
     * {@code i} and a combining dot). So the lower-cased line holds an ASCII term exactly where
     * consecutive characters of the line each lower-case to the term's character at that place,
     * U+0130 only in the last place (its dot follows, and is no ASCII character of the term).
     *
     * @param line a line
     * @return whether the term occurs in it
     */
    public boolean in(String line) {
      if (strong) {
        return line.contains(text);
      }
      if (!asciiLower) {
        return mayBeIn(line) && line.toLowerCase(Locale.ROOT).contains(lower);
      }
      // Candidates are found with indexOf on the term's rarest letter, in each case: few calls,
      // each
      // a fast scan, and no copy of the line. When that letter turns out to be common (more than a
      // candidate every 16 characters so far), one lower-cased copy is cheaper than that many
      // calls.
      int length = lower.length();
      int last = line.length() - length;
      for (char c : LOWERING_TO[lower.charAt(anchor)]) {
        if (c == '\u0130' && anchor != length - 1) {
          continue; // its dot would have to be the term's next character
        }
        int candidates = 0;
        for (int at = line.indexOf(c, anchor);
            at >= 0 && at - anchor <= last;
            at = line.indexOf(c, at + 1)) {
          if (lowersTo(line, at - anchor)) {
            return true;
          }
          if (++candidates > 8 + at / 16) {
            return line.toLowerCase(Locale.ROOT).contains(lower);
          }
        }
      }
      return false;
    }

    /** Whether the characters of the line from {@code at} lower-case to the term. */
    private boolean lowersTo(String line, int at) {
      int length = lower.length();
      for (int k = 0; k < length; k++) {
        char c = line.charAt(at + k);
        char t = lower.charAt(k);
        if (c != t
            && !(t >= 'a' && t <= 'z' && c == t - 32)
            && !(t == 'k' && c == '\u212A')
            && !(t == 'i' && c == '\u0130' && k == length - 1)) {
          return false;
        }
      }
      return true;
    }

    /**
     * The place of the term's character least common in English text; any non-letter beats a
     * letter.
     */
    private static int rarestPlace(String lower) {
      int best = 0;
      int bestRank = -1;
      for (int k = 0; k < lower.length(); k++) {
        int rank = BY_FREQUENCY.indexOf(lower.charAt(k));
        rank = rank < 0 ? BY_FREQUENCY.length() : rank;
        if (rank > bestRank) {
          best = k;
          bestRank = rank;
        }
      }
      return best;
    }

    /**
     * @return whether the term is weak and its lower case is ASCII, of two characters or more
     */
    private static boolean lowerIsAscii(String lower, boolean strong) {
      if (strong || lower.length() < 2) {
        return false;
      }
      for (int i = 0; i < lower.length(); i++) {
        if (lower.charAt(i) >= 0x80) {
          return false;
        }
      }
      return true;
    }

    /**
     * A necessary condition for a weak term to be {@link #in} a line, without lower-casing it: some
     * character that lower-cases to the term's first one occurs in it. Most lines fail it, and then
     * need no lower-cased copy at all.
     *
     * @param line a line
     * @return false only when the term cannot occur in it
     */
    public boolean mayBeIn(String line) {
      char first = lower.isEmpty() ? 0 : lower.charAt(0);
      if (first == 0 || first >= 0x80) {
        return true;
      }
      for (char c : LOWERING_TO[first]) {
        if (line.indexOf(c) >= 0) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * For each ASCII character, every character whose lower case ({@code
   * String.toLowerCase(Locale.ROOT)}) begins with it: itself, its capital, the Kelvin sign for
   * {@code k} and the dotted capital I (lower-cased to {@code i} and a combining dot) for {@code
   * i}. No other code point lower-cases to ASCII (QueryTest checks all of them).
   */
  static final char[][] LOWERING_TO = new char[128][];

  static {
    for (char c = 0; c < 128; c++) {
      LOWERING_TO[c] = c >= 'a' && c <= 'z' ? new char[] {c, (char) (c - 32)} : new char[] {c};
    }
    LOWERING_TO['k'] = new char[] {'k', 'K', '\u212A'};
    LOWERING_TO['i'] = new char[] {'i', 'I', '\u0130'};
  }

  /**
   * @param query the question, possibly blank
   * @return its terms
   */
  public static Query parse(String query) {
    if (query == null || query.isBlank()) {
      return EMPTY;
    }
    Parsed last = lastParsed;
    if (last != null && last.text().equals(query)) {
      return last.query();
    }
    Query parsed = parseNew(query);
    lastParsed = new Parsed(query, parsed);
    return parsed;
  }

  private static Query parseNew(String query) {
    Set<String> seen = new LinkedHashSet<>();
    List<Term> out = new ArrayList<>();
    Matcher q = QUOTED.matcher(query);
    while (q.find()) {
      String phrase =
          q.group(1) != null ? q.group(1) : q.group(2) != null ? q.group(2) : q.group(3);
      if (seen.add(phrase)) {
        out.add(new Term(phrase, phrase.toLowerCase(Locale.ROOT), true));
      }
    }
    Matcher w = WORD.matcher(query);
    while (w.find()) {
      String word = w.group();
      while (!word.isEmpty() && ".:-/".indexOf(word.charAt(word.length() - 1)) >= 0) {
        word = word.substring(0, word.length() - 1);
      }
      String lower = word.toLowerCase(Locale.ROOT);
      if (word.length() < 2 || STOP.contains(lower) || !seen.add(word)) {
        continue;
      }
      boolean strong = STRONG.matcher(word).find();
      if (!strong && word.length() < 4) {
        continue;
      }
      if (!strong && lower.length() > 4 && lower.endsWith("s") && !lower.endsWith("ss")) {
        lower =
            lower.substring(
                0, lower.length() - (lower.endsWith("sses") ? 2 : 1)); // plural: "refunds"
      }
      out.add(new Term(word, lower, strong));
    }
    return new Query(List.copyOf(out));
  }

  /**
   * The terms that occur in {@code text} ({@link Term#in}). For units that are all lines of {@code
   * text}, {@link Relevance} scores the same with these terms as with all of them: a term absent
   * from the whole is absent from every line (lower-casing a line gives the same characters as
   * lower-casing it inside the text, whose line breaks are neither cased nor case-ignorable), and
   * an absent term adds nothing. One pass over the whole spares a look at every line for each
   * absent term.
   *
   * @param text the text the units will be cut from
   * @return this query, or one with fewer terms
   */
  public Query within(String text) {
    List<Term> kept = new ArrayList<>(terms.size());
    for (Term term : terms) {
      if (term.in(text)) {
        kept.add(term);
      }
    }
    return kept.size() == terms.size() ? this : new Query(List.copyOf(kept));
  }

  /**
   * @return the terms, strong ones (quoted, identifiers) first where quoted
   */
  public List<Term> terms() {
    return terms;
  }

  /**
   * @return whether there is nothing to match
   */
  public boolean isEmpty() {
    return terms.isEmpty();
  }
}
