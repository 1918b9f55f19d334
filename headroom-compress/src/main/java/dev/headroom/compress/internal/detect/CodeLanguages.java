package dev.headroom.compress.internal.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores lines against per-language start-of-line patterns; the best language with 3+ hits wins.
 */
final class CodeLanguages {

  /**
   * A language's start-of-line pattern, and the words it can start with after ASCII white space: a
   * line starting with none of them is not tried against the pattern (so most lines meet no regex).
   *
   * @param pattern what a line of the language's code looks like
   * @param starts the words the pattern can start with
   * @param anywhere text that makes the pattern worth trying wherever it is in the line ({@code :=}
   *     for Go's {@code x := …}), or null
   */
  record Language(Pattern pattern, List<String> starts, String anywhere) {}

  static final Map<String, Language> LANGUAGES = new LinkedHashMap<>();

  static {
    LANGUAGES.put(
        "go",
        new Language(
            Pattern.compile(
                "^\\s*(?:func\\s+|type\\s+\\w+\\s+(?:struct|interface)|package\\s+\\w+$|import\\s+\\(|\\w+\\s*:=\\s)"),
            List.of("func", "type", "package", "import"),
            ":="));
    LANGUAGES.put(
        "python",
        new Language(
            Pattern.compile(
                "^\\s*(?:(?:async\\s+)?def\\s+\\w+\\(|class\\s+\\w+[(:]|import\\s+\\w+|from\\s+[\\w.]+\\s+import\\s|if __name__\\s*==)"),
            List.of("async", "def", "class", "import", "from", "if"),
            null));
    LANGUAGES.put(
        "typescript",
        new Language(
            Pattern.compile(
                "^\\s*(?:export\\s+)?(?:interface|type|enum|namespace)\\s+\\w+|^\\s*(?:export\\s+)?(?:async\\s+)?function\\s+\\w+\\s*(?:<[^>]*>)?\\([^)]*:\\s*\\w+"),
            List.of("export", "interface", "type", "enum", "namespace", "async", "function"),
            null));
    LANGUAGES.put(
        "javascript",
        new Language(
            Pattern.compile(
                "^\\s*(?:(?:export\\s+)?(?:async\\s+)?function\\s*\\w*\\s*\\(|(?:export\\s+)?(?:const|let|var)\\s+\\w+\\s*=|import\\s+.+\\s+from\\s+['\"]|module\\.exports|export\\s+(?:default|const|class))"),
            List.of("export", "async", "function", "const", "let", "var", "import", "module"),
            null));
    LANGUAGES.put(
        "rust",
        new Language(
            Pattern.compile(
                "^\\s*(?:(?:pub(?:\\([^)]*\\))?\\s+)?(?:fn|struct|enum|impl|mod|trait)\\s+\\w+|use\\s+[\\w:]+|#\\[\\w+)"),
            List.of("pub", "fn", "struct", "enum", "impl", "mod", "trait", "use", "#"),
            null));
    LANGUAGES.put(
        "java",
        new Language(
            Pattern.compile(
                // A member's type may be generic with several arguments (Map<String, Long>), the
                // method generic itself (<T> T first(...)), its parameters on the next lines.
                "^\\s*(?:(?:public|private|protected)\\s+(?:(?:static|final|abstract|synchronized|default|sealed)\\s+)*(?:class|interface|enum|record|(?:<[^()]*>\\s+)?[\\w.$]+(?:<[^()]*>)?(?:\\[\\])*\\s+\\w+\\s*\\()|package\\s+[\\w.]+;|import\\s+(?:static\\s+)?[\\w.*]+;)"),
            List.of("public", "private", "protected", "package", "import"),
            null));
  }

  private static final List<Language> IN_ORDER = List.copyOf(LANGUAGES.values());
  private static final List<String> NAMES = List.copyOf(LANGUAGES.keySet());

  /**
   * By ASCII character, the languages (bit k for {@code IN_ORDER.get(k)}) with a start word that
   * begins with it: a line whose code starts with another character is not tried against their
   * start words at all.
   */
  private static final int[] BY_FIRST_CHAR = new int[128];

  static {
    for (int k = 0; k < IN_ORDER.size(); k++) {
      for (String start : IN_ORDER.get(k).starts()) {
        BY_FIRST_CHAR[start.charAt(0)] |= 1 << k;
      }
    }
  }

  private CodeLanguages() {}

  static Optional<String> detect(List<String> lines) {
    Matcher[] matchers = new Matcher[IN_ORDER.size()];
    int[] scores = new int[IN_ORDER.size()];
    for (String line : lines) {
      int indent = indent(line); // once per line, not once per language
      char first = indent < line.length() ? line.charAt(indent) : 0;
      int byFirst = first < 128 ? BY_FIRST_CHAR[first] : 0;
      for (int k = 0; k < matchers.length; k++) {
        Language language = IN_ORDER.get(k);
        boolean mayStart = (byFirst & 1 << k) != 0;
        if (!mayStart && language.anywhere() == null || !mayMatch(line, indent, language)) {
          continue;
        }
        if (matchers[k] == null) {
          matchers[k] = language.pattern().matcher(line);
        } else {
          matchers[k].reset(line);
        }
        if (matchers[k].lookingAt()) {
          scores[k]++;
        }
      }
    }
    String best = null;
    int bestScore = 0;
    for (int k = 0; k < scores.length; k++) {
      if (scores[k] > bestScore) { // the first of equals wins, in LANGUAGES' order
        best = NAMES.get(k);
        bestScore = scores[k];
      }
    }
    if (best == null || bestScore < 3 || bestScore < lines.size() / 20) {
      return Optional.empty();
    }
    return Optional.of(best);
  }

  /**
   * @param line a line
   * @param language one of {@link #LANGUAGES}
   * @return false only when the language's pattern cannot match the line
   */
  static boolean mayMatch(String line, Language language) {
    return mayMatch(line, indent(line), language);
  }

  private static boolean mayMatch(String line, int indent, Language language) {
    if (indent < line.length()) {
      char first = line.charAt(indent);
      for (String start : language.starts()) {
        if (start.charAt(0) == first && line.startsWith(start, indent)) {
          return true;
        }
      }
    }
    return language.anywhere() != null && line.contains(language.anywhere());
  }

  /**
   * The index after the leading ASCII white space ({@code \s}: space and tab to carriage return).
   */
  private static int indent(String line) {
    int i = 0;
    int n = line.length();
    while (i < n && LineSample.isAsciiSpace(line.charAt(i))) {
      i++;
    }
    return i;
  }
}
