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
   * Every pattern above starts, after ASCII white space, with one of these (or, for Go's
   * {@code x := …}, holds {@code :=}); a line that does not is matched by none of them.
   */
  private static final String[] STARTS = {
    "func", "type", "package", "import", "async", "def", "class", "from", "if", "export", "interface", "enum",
    "namespace", "function", "const", "let", "var", "module", "pub", "fn", "struct", "impl", "mod", "trait", "use",
    "public", "private", "protected", "#"
  };

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
      for (String line : candidates) {
        if (m.reset(line).lookingAt()) {
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
   * @return false only when no language pattern can match it (a necessary condition, checked
   *     without a regex)
   */
  static boolean mayBeCode(String line) {
    int i = 0;
    int n = line.length();
    while (i < n && (line.charAt(i) == ' ' || line.charAt(i) >= '\t' && line.charAt(i) <= '\r')) {
      i++;
    }
    for (String start : STARTS) {
      if (line.startsWith(start, i)) {
        return true;
      }
    }
    return line.contains(":=");
  }
}
