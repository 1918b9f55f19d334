package dev.headroom.compress.internal.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Scores lines against per-language start-of-line patterns; the best language with 3+ hits wins. */
final class CodeLanguages {

  static final Map<String, Pattern> LANGUAGES = new LinkedHashMap<>();

  static {
    LANGUAGES.put("go", Pattern.compile(
        "^\\s*(?:func\\s+|type\\s+\\w+\\s+(?:struct|interface)|package\\s+\\w+$|import\\s+\\(|\\w+\\s*:=\\s)"));
    LANGUAGES.put("python", Pattern.compile(
        "^\\s*(?:(?:async\\s+)?def\\s+\\w+\\(|class\\s+\\w+[(:]|import\\s+\\w+|from\\s+[\\w.]+\\s+import\\s|if __name__\\s*==)"));
    LANGUAGES.put("typescript", Pattern.compile(
        "^\\s*(?:export\\s+)?(?:interface|type|enum|namespace)\\s+\\w+|^\\s*(?:export\\s+)?(?:async\\s+)?function\\s+\\w+\\s*(?:<[^>]*>)?\\([^)]*:\\s*\\w+"));
    LANGUAGES.put("javascript", Pattern.compile(
        "^\\s*(?:(?:export\\s+)?(?:async\\s+)?function\\s*\\w*\\s*\\(|(?:export\\s+)?(?:const|let|var)\\s+\\w+\\s*=|import\\s+.+\\s+from\\s+['\"]|module\\.exports|export\\s+(?:default|const|class))"));
    LANGUAGES.put("rust", Pattern.compile(
        "^\\s*(?:(?:pub(?:\\([^)]*\\))?\\s+)?(?:fn|struct|enum|impl|mod|trait)\\s+\\w+|use\\s+[\\w:]+|#\\[\\w+)"));
    LANGUAGES.put("java", Pattern.compile(
        "^\\s*(?:(?:public|private|protected)\\s+(?:static\\s+)?(?:final\\s+)?(?:class|interface|enum|record|[\\w<>\\[\\]]+\\s+\\w+\\s*\\()|package\\s+[\\w.]+;|import\\s+(?:static\\s+)?[\\w.*]+;)"));
  }

  /**
   * The words each pattern above can start with, after ASCII white space; Go's {@code x := …} is
   * found by {@code :=} anywhere instead. A line that starts with none of a language's words is not
   * tried against its pattern (so most lines meet one regex, not six).
   */
  static final Map<String, String[]> STARTS = Map.of(
      "go", new String[] {"func", "type", "package", "import"},
      "python", new String[] {"async", "def", "class", "import", "from", "if"},
      "typescript", new String[] {"export", "interface", "type", "enum", "namespace", "async", "function"},
      "javascript", new String[] {"export", "async", "function", "const", "let", "var", "import", "module"},
      "rust", new String[] {"pub", "fn", "struct", "enum", "impl", "mod", "trait", "use", "#"},
      "java", new String[] {"public", "private", "protected", "package", "import"});
  /** Every language's start words, once each. */
  private static final String[] ANY_START =
      STARTS.values().stream().flatMap(java.util.Arrays::stream).distinct().toArray(String[]::new);

  private CodeLanguages() {}

  static Optional<String> detect(List<String> lines) {
    List<String> candidates = new ArrayList<>();
    for (String line : lines) {
      if (mayBeCode(line)) {
        candidates.add(line);
      }
    }
    String best = null;
    int bestScore = 0;
    for (var e : LANGUAGES.entrySet()) {
      int score = 0;
      Matcher m = e.getValue().matcher("");
      String[] starts = STARTS.get(e.getKey());
      boolean go = e.getKey().equals("go");
      for (String line : candidates) {
        if (mayMatch(line, starts, go) && m.reset(line).lookingAt()) {
          score++;
        }
      }
      if (score > bestScore) {
        best = e.getKey();
        bestScore = score;
      }
    }
    if (best == null || bestScore < 3 || bestScore < lines.size() / 20) {
      return Optional.empty();
    }
    return Optional.of(best);
  }

  /**
   * @param line a line
   * @param language a key of {@link #LANGUAGES}
   * @return false only when that language's pattern cannot match the line
   */
  static boolean mayMatch(String line, String language) {
    return mayMatch(line, STARTS.get(language), language.equals("go"));
  }

  private static boolean mayMatch(String line, String[] starts, boolean go) {
    int i = indent(line);
    for (String start : starts) {
      if (line.startsWith(start, i)) {
        return true;
      }
    }
    return go && line.contains(":=");
  }

  /** The index after the leading ASCII white space ({@code \s}: space and tab to carriage return). */
  private static int indent(String line) {
    int i = 0;
    int n = line.length();
    while (i < n && (line.charAt(i) == ' ' || line.charAt(i) >= '\t' && line.charAt(i) <= '\r')) {
      i++;
    }
    return i;
  }

  /**
   * @param line a line
   * @return false only when no language pattern can match it (a necessary condition, checked
   *     without a regex)
   */
  static boolean mayBeCode(String line) {
    return mayMatch(line, ANY_START, true);
  }
}
