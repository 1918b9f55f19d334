package dev.headroom.compress.internal.lines;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.internal.detect.Gutters;
import dev.headroom.compress.internal.spi.Candidate;
import dev.headroom.compress.internal.spi.ContentCompressor;
import dev.headroom.compress.internal.spi.Input;
import dev.headroom.compress.internal.text.Lines;
import dev.headroom.compress.internal.text.Query;
import dev.headroom.compress.internal.text.Relevance;
import dev.headroom.compress.internal.text.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Source files, read with or without a line-number gutter: the file's outline — package, the first
 * and last imports, type headers, fields, every member's signature and closing line — and whole
 * every member the question is about (its name asked for, or its body the best match of the
 * question's words). Member bodies are found by brace depth (C-family languages, Go, Rust,
 * JavaScript, TypeScript) or by indentation (Python). Kept lines are byte-identical, gutter
 * included, so an agent editing the file sees the real line numbers; a file under {@value
 * #MIN_LINES} lines is left whole.
 *
 * <p>A parser per language (JavaParser, tree-sitter) would find members more exactly, but costs a
 * dependency per language, a grammar that must accept every version of it, and a failure mode for a
 * file cut mid-way by a read's line limit; braces and indentation are enough to find where a member
 * begins and ends, and the members kept are kept whole.
 */
@API(status = INTERNAL, since = "0.1")
public final class CodeCompressor implements ContentCompressor {

  /** Smaller reads are left as they are: an agent may be about to edit them. */
  static final int MIN_LINES = 150;

  private static final int MAX_MEMBERS = 4;

  private static final Pattern CONTROL =
      Pattern.compile(
          "^\\s*(?:}\\s*)?(?:if|else|for|foreach|while|do|switch|case|catch|try|finally|return|"
              + "synchronized|using|lock|match|loop|when|select|defer|go)\\b");
  private static final Pattern PYTHON_DEF =
      Pattern.compile("^(\\s*)(?:async\\s+)?def\\s+([A-Za-z_]\\w*)");
  private static final Pattern IMPORT =
      Pattern.compile("^\\s*(?:import\\s|from\\s+\\S+\\s+import\\s|using\\s|#include\\s|use\\s)");
  private static final Pattern NAME =
      Pattern.compile("([A-Za-z_$][\\w$]*)\\s*(?:<[^()]*>)?\\s*\\(");

  private final ContentCompressor fallback;

  /**
   * @param fallback what compresses code this compressor leaves alone (short files, no members)
   */
  public CodeCompressor(ContentCompressor fallback) {
    this.fallback = fallback;
  }

  /**
   * A member: its lines {@code [start, end]}, its name, whether its last line closes it (a brace,
   * kept with the outline) or is the last of its body (Python), and the last line of its header (a
   * signature whose parameters run over several lines is kept whole in the outline).
   */
  private record Member(int start, int end, String name, boolean closes, int headerEnd) {
    Member(int start, int end, String name, boolean closes) {
      this(start, end, name, closes, start);
    }
  }

  @Override
  public Optional<Candidate> compress(Input input) {
    Lines lines = Lines.split(input.text());
    int n = lines.size();
    if (n < MIN_LINES) {
      return fallback.compress(input);
    }
    List<String> code = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String line = lines.content(i);
      code.add(line.substring(Gutters.length(line)));
    }
    boolean python = input.detection().language().map("python"::equals).orElse(false);
    List<Member> members = python ? pythonMembers(code) : braceMembers(code);
    if (members.size() < 3) {
      return fallback.compress(input);
    }
    Selection sel = new Selection(lines);
    boolean[] inBody = new boolean[n];
    for (Member member : members) {
      int last = member.closes() ? member.end() - 1 : member.end();
      for (int i = member.headerEnd() + 1; i <= last; i++) {
        inBody[i] = true;
      }
    }
    for (int i = 0; i < n; i++) {
      if (!inBody[i] && !isMiddleImport(code, i)) {
        sel.keep(i); // the outline: signatures, fields, type headers, closing lines
      }
    }
    for (Member member : asked(input.query(), members, code)) {
      for (int i = member.start(); i <= member.end(); i++) {
        sel.keep(i);
      }
    }
    if (sel.keptCount() >= n) {
      return fallback.compress(input);
    }
    String language = input.detection().language().orElse("code");
    String text =
        sel.render(
            input.text(), input.sink(), "lines", members.size() + " " + language + " members");
    return Optional.of(new Candidate(text, "code:outline"));
  }

  /**
   * The members the question is about: those whose name it asks for, else the best matches of its
   * words among member bodies.
   */
  private static List<Member> asked(Query query, List<Member> members, List<String> code) {
    List<Member> chosen = new ArrayList<>();
    if (query.isEmpty()) {
      return chosen;
    }
    for (Member member : members) {
      for (Query.Term term : query.terms()) {
        if (term.strong()
            && member.name().length() >= 3
            && member.name().toLowerCase(Locale.ROOT).equals(term.lower())) {
          chosen.add(member);
        }
      }
    }
    if (chosen.isEmpty()) {
      List<String> bodies = new ArrayList<>(members.size());
      for (Member member : members) {
        bodies.add(String.join("\n", code.subList(member.start(), member.end() + 1)));
      }
      for (int i : Relevance.top(query, bodies, MAX_MEMBERS)) {
        chosen.add(members.get(i));
      }
    }
    return chosen.size() > MAX_MEMBERS ? chosen.subList(0, MAX_MEMBERS) : chosen;
  }

  /** An import between the first two and the last of its run: summarised by the marker. */
  private static boolean isMiddleImport(List<String> code, int i) {
    if (!IMPORT.matcher(code.get(i)).lookingAt()) {
      return false;
    }
    int before = 0;
    for (int k = i - 1; k >= 0 && before < 2 && IMPORT.matcher(code.get(k)).lookingAt(); k--) {
      before++;
    }
    boolean last = i + 1 >= code.size() || !IMPORT.matcher(code.get(i + 1)).lookingAt();
    return before >= 2 && !last;
  }

  /**
   * Members of brace languages: a line that declares something callable (a name before {@code (},
   * not a control statement) and opens a block on it or on the next line; the member ends where the
   * depth comes back.
   */
  private static List<Member> braceMembers(List<String> code) {
    int n = code.size();
    int[] depth = new int[n + 1];
    for (int i = 0; i < n; i++) {
      depth[i + 1] = depth[i] + braceDelta(code.get(i));
    }
    List<Member> members = new ArrayList<>();
    int i = 0;
    while (i < n) {
      String line = code.get(i);
      Matcher name = NAME.matcher(line);
      if (!name.find()
          || CONTROL.matcher(line).lookingAt()
          || line.strip().startsWith("//")
          || assigns(line, name.start())) {
        i++;
        continue;
      }
      // The header ends where its parameter list closes: on this line, or a few lines on when
      // the parameters are wrapped one to a line.
      int header = headerEnd(code, i, name.end() - 1);
      boolean opens =
          depth[header + 1] > depth[i]
              || header + 1 < n
                  && code.get(header + 1).strip().equals("{")
                  && depth[header + 2] > depth[header + 1];
      if (opens) {
        int end = header + 1;
        while (end < n && depth[end + 1] > depth[i]) {
          end++;
        }
        if (end < n && end - header >= 2) {
          members.add(new Member(i, end, name.group(1), true, header));
          i = end + 1;
          continue;
        }
      }
      i++;
    }
    return members;
  }

  /** How many lines a wrapped parameter list may run over. */
  private static final int MAX_HEADER_LINES = 12;

  /**
   * The line where the parameter list opened at {@code open} on line {@code start} closes (outside
   * strings and characters), or {@code start} when it does not close within {@link
   * #MAX_HEADER_LINES}.
   */
  private static int headerEnd(List<String> code, int start, int open) {
    int balance = 0;
    for (int i = start; i < code.size() && i < start + MAX_HEADER_LINES; i++) {
      String line = code.get(i);
      char quote = 0;
      for (int c = i == start ? open : 0; c < line.length(); c++) {
        char ch = line.charAt(c);
        if (quote != 0) {
          if (ch == '\\') {
            c++;
          } else if (ch == quote) {
            quote = 0;
          }
        } else if (ch == '"' || ch == '\'') {
          quote = ch;
        } else if (ch == '(') {
          balance++;
        } else if (ch == ')' && --balance == 0) {
          return i;
        }
      }
    }
    return start;
  }

  /**
   * Whether an {@code =} (not {@code ==}) comes before the name: an assignment, not a declaration.
   */
  private static boolean assigns(String line, int nameStart) {
    int equals = line.indexOf('=');
    return equals >= 0 && equals < nameStart;
  }

  /** The change in brace depth over a line, outside strings, characters and line comments. */
  private static int braceDelta(String line) {
    int delta = 0;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'' || c == '`') {
        quote = c;
      } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
        break;
      } else if (c == '{') {
        delta++;
      } else if (c == '}') {
        delta--;
      }
    }
    return delta;
  }

  /** Python: a {@code def} and every line after it indented deeper (blank lines included). */
  private static List<Member> pythonMembers(List<String> code) {
    int n = code.size();
    List<Member> members = new ArrayList<>();
    int i = 0;
    while (i < n) {
      Matcher def = PYTHON_DEF.matcher(code.get(i));
      if (!def.lookingAt()) {
        i++;
        continue;
      }
      int indent = def.group(1).length();
      int end = i;
      for (int k = i + 1; k < n; k++) {
        String line = code.get(k);
        if (line.isBlank()) {
          continue;
        }
        if (indentOf(line) <= indent) {
          break;
        }
        end = k;
      }
      if (end - i >= 2) {
        members.add(new Member(i, end, def.group(2), false));
        i = end + 1;
      } else {
        i++;
      }
    }
    return members;
  }

  /** How many spaces and tabs a line starts with. */
  static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
