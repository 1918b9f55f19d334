package dev.headroom.compress.internal.lines;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.internal.detect.GrepLine;
import dev.headroom.compress.internal.spi.Candidate;
import dev.headroom.compress.internal.spi.ContentCompressor;
import dev.headroom.compress.internal.spi.Input;
import dev.headroom.compress.internal.text.LineTemplates;
import dev.headroom.compress.internal.text.Lines;
import dev.headroom.compress.internal.text.Relevance;
import dev.headroom.compress.internal.text.Selection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * grep / ripgrep / git grep hits and bare path listings. Kept: lines answering the query,
 * definitions (a hit that declares something), the exceptions among alike hits (errors, rare kinds
 * of message), and then the first hit of each file, files with the most hits first, while the
 * budget lasts. Runs of dropped hits are counted per file. Lines longer than 2,000 characters
 * (minified bundles) are never kept whole.
 */
@API(status = INTERNAL, since = "0.1")
public final class SearchCompressor implements ContentCompressor {

  private static final Pattern DEFINITION =
      Pattern.compile(
          "^\\s*(?:export\\s+)?(?:default\\s+)?"
              + "(?:public\\s+|private\\s+|protected\\s+|internal\\s+|static\\s+|async\\s+"
              + "|pub(?:\\([^)]*\\))?\\s+|override\\s+|open\\s+|suspend\\s+|abstract\\s+|final\\s+)*"
              + "(?:function|def|class|interface|type|enum|const|let|var|val|func|fn|fun|struct|trait"
              + "|impl|record|object|module|macro)\\b\\s*(?:\\([^)]*\\)\\s*)?[*&]?\\s*([A-Za-z_$][\\w$]*)");

  /**
   * A typed declaration without a keyword: a method or function whose name follows its return type
   * and modifiers (Java, C#, Kotlin properties, C, C++, TypeScript class members): {@code public
   * Optional<User> findUser(long id) {}, {@code async findUser(id: string): Promise<User> {}. The
   * name is group 1; a call ({@code .findUser(}, {@code = findUser(}, {@code return findUser(})
   * does not match.
   */
  private static final Pattern TYPED_DEFINITION =
      Pattern.compile(
          "^\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*"
              + "(?!(?:return|new|throw|await|yield|else|if|for|while|switch|case|catch|assert|typeof|delete)\\b)"
              + "(?:[\\w$]+(?:<[^=;()]*>)?(?:\\[\\])*[?*&]?\\s+)*"
              + "([A-Za-z_$][\\w$]*)\\s*(?:<[^=;()]*>)?\\s*\\([^;=]*;?\\s*$");

  private static final int MAX_QUERY = 20;
  private static final int MAX_DEFINITIONS = 10;
  private static final int MAX_RARE_KINDS = 20;

  /** How many hits tell a repetitive list (a linter's) from a code search's. */
  private static final int KINDS_SAMPLE = 200;

  /**
   * A definition is kept when the name it declares is an identifier from the query ("where is
   * MaxAttempts set"), in a language's keyword shape ({@code def}, {@code fn}, {@code func}, {@code
   * class}, {@code const}…) or its typed shape ({@code public Optional<User> findUser(long id)}).
   */
  private static boolean declaresQueried(Input input, String hit) {
    // The declared name must be the queried symbol: "var found = repo.findUser(id)" declares
    // "found", not "findUser".
    Matcher keyword = DEFINITION.matcher(hit);
    String name;
    if (keyword.lookingAt()) {
      name = keyword.group(1);
    } else {
      Matcher typed = TYPED_DEFINITION.matcher(hit);
      if (!typed.lookingAt()
          || typed.start(1) == firstNonBlank(hit) && !hit.stripTrailing().endsWith("{")) {
        return false; // a bare call, "findUser(id);", has no type before its name
      }
      name = typed.group(1);
    }
    for (var term : input.query().terms()) {
      if (term.strong() && term.in(name) && name.length() <= term.text().length() + 8) {
        return true;
      }
    }
    return false;
  }

  /**
   * The hits that are the exception in a list of mostly alike ones: the errors among them (when at
   * most a quarter of the hits are: more, and errors are what was searched for), and the first hit
   * of each rare kind of message where most hits repeat a few kinds — the one {@code F821 Undefined
   * name} among a linter's two hundred {@code E501 Line too long}. A hit's kind is the template of
   * its text after the location ({@link LineTemplates}); the hits of a code search are mostly of
   * kinds of their own, and nothing is singled out there.
   */
  private static void keepExceptions(
      Selection sel, String[] hitText, List<String> content, int budget) {
    String[] kinds = new String[hitText.length];
    Set<String> sampled = new HashSet<>();
    List<Integer> errors = new ArrayList<>();
    int hits = 0;
    boolean alike = true;
    for (int i = 0; i < hitText.length; i++) {
      if (hitText[i] == null || content.get(i).isEmpty()) {
        continue;
      }
      hits++;
      if (alike) {
        kinds[i] = LineTemplates.of(hitText[i]);
        if (hits <= KINDS_SAMPLE) {
          sampled.add(kinds[i]);
        }
        // A code search: its first hits are of kinds of their own, and so are the rest.
        alike = hits != KINDS_SAMPLE || sampled.size() * 4 <= hits;
      }
      if (Levels.of(hitText[i]) == Levels.ERROR) {
        errors.add(i);
      }
    }
    int before = sel.keptChars();
    if (errors.size() * 4 <= hits) {
      for (int i : errors) {
        if (sel.keptChars() - before > budget) {
          return;
        }
        sel.keep(i);
      }
    }
    if (!alike) {
      return;
    }
    int kept = 0;
    for (int i : LineTemplates.rare(kinds, 4, Math.max(1, hits / 20))) {
      if (kept >= MAX_RARE_KINDS || sel.keptChars() - before > budget) {
        return;
      }
      kept += sel.keep(i) ? 1 : 0;
    }
  }

  private static int firstNonBlank(String text) {
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  @Override
  public Optional<Candidate> compress(Input input) {
    Lines lines = Lines.split(input.text());
    int n = lines.size();
    if (n < 10) {
      return Optional.empty();
    }
    List<String> content = new ArrayList<>(n);
    String[] files = new String[n];
    String[] hitText = new String[n];
    Map<String, List<Integer>> byFile = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String line = lines.content(i);
      content.add(line.length() > LogCompressor.MAX_LINE ? "" : line);
      GrepLine hit = GrepLine.match(line);
      if (hit != null && hit.namesFile()) {
        files[i] = hit.path();
        hitText[i] = line.substring(hit.end());
      } else if (!line.isBlank()) {
        int slash = line.lastIndexOf('/');
        files[i] =
            slash > 0 ? line.substring(0, slash + 1) : line; // a path listing: group by directory
        hitText[i] = line;
      }
      if (files[i] != null) {
        byFile.computeIfAbsent(files[i], f -> new ArrayList<>()).add(i);
      }
    }
    Selection sel = new Selection(lines);
    for (int i : Relevance.top(input.query().within(input.text()), content, MAX_QUERY)) {
      sel.keep(i);
    }
    int definitions = 0;
    for (int i = 0; i < n && definitions < MAX_DEFINITIONS; i++) {
      if (hitText[i] != null && content.get(i).length() > 0 && declaresQueried(input, hitText[i])) {
        definitions += sel.keep(i) ? 1 : 0;
      }
    }
    keepExceptions(sel, hitText, content, input.budgetChars() / 2);
    List<List<Integer>> groups = new ArrayList<>(byFile.values());
    groups.sort((a, b) -> b.size() - a.size());
    for (List<Integer> group : groups) {
      if (sel.keptChars() > input.budgetChars() / 2) {
        break;
      }
      int first = group.get(0);
      if (content.get(first).length() > 0 && content.get(first).length() <= 300) {
        sel.keep(first);
      }
    }
    if (sel.keptCount() >= n) {
      return Optional.empty();
    }
    String details =
        byFile.size()
            + (files[0] != null && hitText[0] == content.get(0) ? " directories" : " files");
    String text =
        sel.render(
            input.text(),
            input.sink(),
            "lines",
            details,
            (from, to) -> {
              String f = files[from];
              for (int i = from + 1; i < to; i++) {
                if (f == null || !f.equals(files[i])) {
                  return null;
                }
              }
              return f;
            });
    return Optional.of(new Candidate(text, "search"));
  }
}
