package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The tools whose outputs are never compressed, as globs over tool names: {@code *} matches any run
 * of characters, {@code ?} one character, and case is ignored ({@code read*} protects {@code Read}
 * and {@code read_file}).
 *
 * <p>A tool output is matched by the name of the call it answers, found in the same request: Chat
 * Completions' {@code tool_call_id} names an assistant's {@code tool_calls[].function.name},
 * Anthropic's {@code tool_use_id} a {@code tool_use} block's {@code name}, Responses' {@code
 * call_id} a {@code function_call}'s or {@code custom_tool_call}'s {@code name} ({@code
 * local_shell_call_output} is the tool {@code local_shell}, {@code apply_patch_call_output} is
 * {@code apply_patch}). A protected output is neither compressed nor replayed: it reaches the
 * provider byte for byte.
 *
 * @param globs the patterns, in the order given, without blanks or duplicates
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ProtectedTools(List<String> globs) {

  private static final ProtectedTools NONE = new ProtectedTools(List.of());

  /**
   * The outputs a coding agent works from when it edits a file: file reads and the results of edit
   * tools, of Claude Code, Anthropic's and OpenAI's editor tools, Codex and the common open agents.
   * The model copies lines out of them into its next edit verbatim; a line it never saw cannot be
   * matched, and a line it half saw invites an invented one. The original project keeps recent
   * source code verbatim for the same reason.
   */
  private static final ProtectedTools DEFAULTS =
      of(
          "Read",
          "read_file",
          "view_file",
          "NotebookRead",
          "Edit",
          "MultiEdit",
          "Write",
          "NotebookEdit",
          "str_replace_editor",
          "str_replace_based_edit_tool",
          "apply_patch",
          "edit_file",
          "write_file");

  /** Checks and normalises the components. */
  public ProtectedTools {
    Objects.requireNonNull(globs, "globs must not be null");
    Set<String> distinct = new LinkedHashSet<>();
    for (String glob : globs) {
      Objects.requireNonNull(glob, "a glob must not be null");
      if (!glob.isBlank()) {
        distinct.add(glob.strip());
      }
    }
    globs = List.copyOf(distinct);
  }

  /**
   * @return no tool protected
   */
  public static ProtectedTools none() {
    return NONE;
  }

  /**
   * @return the file-read and file-edit tools of the common coding agents: {@code Read}, {@code
   *     read_file}, {@code view_file}, {@code NotebookRead}, {@code Edit}, {@code MultiEdit},
   *     {@code Write}, {@code NotebookEdit}, {@code str_replace_editor}, {@code
   *     str_replace_based_edit_tool}, {@code apply_patch}, {@code edit_file}, {@code write_file}
   */
  public static ProtectedTools defaults() {
    return DEFAULTS;
  }

  /**
   * @param globs tool-name patterns
   * @return those patterns
   */
  public static ProtectedTools of(String... globs) {
    return new ProtectedTools(List.of(globs));
  }

  /**
   * Reads a comma-separated list, as {@code --protect-tools} and the {@code
   * x-headroom-protect-tools} header carry it. {@code none} (alone) is the empty list; {@code
   * default} (anywhere in the list) stands for {@link #defaults()}.
   *
   * @param list the list, for example {@code "Read,mcp__github__*"}
   * @return the patterns
   */
  public static ProtectedTools parse(String list) {
    Objects.requireNonNull(list, "list must not be null");
    if (list.strip().equalsIgnoreCase("none")) {
      return NONE;
    }
    List<String> globs = new ArrayList<>();
    for (String glob : list.split(",", -1)) {
      if (glob.strip().equalsIgnoreCase("default")) {
        globs.addAll(DEFAULTS.globs);
      } else {
        globs.add(glob);
      }
    }
    return new ProtectedTools(globs);
  }

  /**
   * @param other more patterns
   * @return the patterns of both
   */
  public ProtectedTools plus(ProtectedTools other) {
    if (other.globs.isEmpty()) {
      return this;
    }
    if (globs.isEmpty()) {
      return other;
    }
    List<String> all = new ArrayList<>(globs);
    all.addAll(other.globs);
    return new ProtectedTools(all);
  }

  /**
   * @return whether no tool is protected
   */
  public boolean isEmpty() {
    return globs.isEmpty();
  }

  /**
   * @param toolName a tool's name
   * @return whether one of the globs matches the whole name, ignoring case
   */
  public boolean protects(String toolName) {
    if (toolName == null || globs.isEmpty()) {
      return false;
    }
    String name = toolName.toLowerCase(Locale.ROOT);
    for (String glob : globs) {
      if (matches(glob.toLowerCase(Locale.ROOT), name)) {
        return true;
      }
    }
    return false;
  }

  /** {@code *} any run, {@code ?} one character, the rest literally; both already lower case. */
  private static boolean matches(String glob, String name) {
    int g = 0;
    int n = 0;
    int star = -1;
    int resume = 0;
    while (n < name.length()) {
      if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == name.charAt(n))) {
        g++;
        n++;
      } else if (g < glob.length() && glob.charAt(g) == '*') {
        star = g++;
        resume = n;
      } else if (star >= 0) {
        g = star + 1;
        n = ++resume;
      } else {
        return false;
      }
    }
    while (g < glob.length() && glob.charAt(g) == '*') {
      g++;
    }
    return g == glob.length();
  }
}
