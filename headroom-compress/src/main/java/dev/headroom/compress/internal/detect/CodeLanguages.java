package dev.headroom.compress.internal.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Scores lines against per-language start-of-line patterns; the best language with 3+ hits wins. */
final class CodeLanguages {

  private static final Map<String, Pattern> LANGUAGES = new LinkedHashMap<>();

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

  private CodeLanguages() {}

  static Optional<String> detect(List<String> lines) {
    String best = null;
    int bestScore = 0;
    for (var e : LANGUAGES.entrySet()) {
      int score = 0;
      for (String line : lines) {
        if (e.getValue().matcher(line).lookingAt()) {
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
}
