package dev.headroom.compress.internal.lines;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.internal.detect.AccessLine;
import dev.headroom.compress.internal.json.Columns;
import dev.headroom.compress.internal.json.RowSelector;
import dev.headroom.compress.internal.spi.Candidate;
import dev.headroom.compress.internal.spi.Input;
import dev.headroom.compress.internal.text.Lines;
import dev.headroom.compress.internal.text.Relevance;
import dev.headroom.compress.internal.text.Selection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Web access logs — the common and combined formats of nginx and Apache and their extensions with
 * timing fields, Envoy's default format, AWS ALB/ELB — read as requests: method, route and status.
 * Requests are grouped by route template (ids, hashes and numbers in the path become {@code {id}},
 * the query is dropped) and status. The answer is a table of every group with its count and the
 * first and last line number, followed by the lines worth reading: every group whose status is 4xx
 * or 5xx (its first and last request), the requests whose numbers (a response time, a size) are
 * outliers, every rare group (seen at most twice), the lines answering the query, and the first and
 * last lines of the log. Ordinary traffic is the table's counts.
 */
@API(status = INTERNAL, since = "0.1")
public final class AccessLogs {

  private static final int MAX_LINE = 2_000;
  private static final int MAX_GROUPS = 60;
  private static final int MAX_RARE = 20;

  private AccessLogs() {}

  /** One request line, as read: its route template. */
  private record Request(String method, String route, int status) {}

  private static Request parse(String line) {
    AccessLine access = AccessLine.parse(line);
    return access == null
        ? null
        : new Request(access.method(), template(access.target()), access.status());
  }

  /**
   * The route of a request target: scheme and host dropped (ALB logs full URLs), the query dropped,
   * and every segment that is an identifier (digits, a UUID, a long hexadecimal or mixed token)
   * replaced by {@code {id}}.
   */
  static String template(String target) {
    String path = target;
    int scheme = path.indexOf("://");
    if (scheme >= 0) {
      int slash = path.indexOf('/', scheme + 3);
      path = slash < 0 ? "/" : path.substring(slash);
    }
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    StringBuilder route = new StringBuilder(path.length());
    for (String segment : path.split("/", -1)) {
      if (route.length() > 0 || !segment.isEmpty()) {
        route.append('/');
      }
      int dot = segment.lastIndexOf('.');
      if (isIdentifier(segment)) {
        route.append("{id}");
      } else if (dot > 0 && isIdentifier(segment.substring(0, dot))) {
        route.append("{id}").append(segment, dot, segment.length()); // a hashed asset
      } else {
        route.append(segment);
      }
    }
    return route.length() == 0 ? "/" : route.toString().replace("//", "/");
  }

  private static boolean isIdentifier(String segment) {
    if (segment.isEmpty()) {
      return false;
    }
    int digits = 0;
    int hex = 0;
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      }
      if (c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '-') {
        hex++;
      }
    }
    return digits == segment.length()
        || segment.length() >= 8 && hex == segment.length() && digits > 0
        || segment.length() >= 16 && digits >= 3;
  }

  /**
   * Keeps the requests whose numbers are far from the others' — the one answered after 31 s among
   * responses of 50 ms, whatever its route and status. A line's fields (runs of characters between
   * spaces; a quoted or bracketed field is one) are read as a table's columns by their place in the
   * line, each field that starts like a number a cell (the value of a {@code key=value} field), and
   * the table's outlier rules choose.
   */
  private static void keepOutliers(
      Selection sel, List<String> content, Request[] requests, int parsed) {
    Columns cells = Columns.forTable(List.of(), parsed);
    int[] lineOf = new int[parsed];
    int k = 0;
    for (int i = 0; i < requests.length; i++) {
      if (requests[i] == null) {
        continue;
      }
      lineOf[k] = i;
      cells.startRow(k++);
      String line = content.get(i);
      int field = 0;
      int j = 0;
      int n = line.length();
      while (j < n) {
        while (j < n && line.charAt(j) == ' ') {
          j++;
        }
        if (j == n) {
          break;
        }
        char open = line.charAt(j);
        char close = open == '"' ? '"' : open == '[' ? ']' : ' ';
        int end = close == ' ' ? line.indexOf(' ', j) : line.indexOf(close, j + 1);
        end = end < 0 ? n : close == ' ' ? end : end + 1;
        // nginx's timing extensions write key=value: rt=0.045 urt="0.044"
        int from = j;
        for (int e = j; close == ' ' && e < end; e++) {
          if (line.charAt(e) == '=') {
            from = e + 1;
            break;
          }
        }
        int to = end;
        if (to - from >= 2 && line.charAt(from) == '"' && line.charAt(to - 1) == '"') {
          from++;
          to--;
        }
        char first = from < to ? line.charAt(from) : ' ';
        if (first >= '0' && first <= '9' || first == '-' && from + 1 < to) {
          cells.cell(field, line, from, to);
        }
        field++;
        j = end;
      }
    }
    for (int row : RowSelector.outlierRows(cells, parsed)) {
      sel.keep(lineOf[row]);
    }
  }

  /**
   * @param input the log
   * @return the grouped log, or empty when fewer than half of its lines are requests
   */
  static Optional<Candidate> compress(Input input) {
    Lines lines = Lines.split(input.text());
    int n = lines.size();
    Request[] requests = new Request[n];
    int parsed = 0;
    List<String> content = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String line = lines.content(i);
      content.add(line.length() > MAX_LINE ? "" : line);
      requests[i] = parse(line);
      parsed += requests[i] == null ? 0 : 1;
    }
    if (n < 20 || parsed * 2 < n) {
      return Optional.empty();
    }
    Map<String, Group> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      Request request = requests[i];
      if (request != null) {
        groups
            .computeIfAbsent(
                request.method() + " " + request.route() + " " + request.status(),
                key -> new Group(request))
            .add(i);
      }
    }
    Selection sel = new Selection(lines);
    for (Group group : groups.values()) {
      if (group.failing() || group.request.status() == 0) {
        sel.keep(group.first);
        sel.keep(group.last);
      }
    }
    keepOutliers(sel, content, requests, parsed);
    int rare = 0;
    for (Group group : groups.values()) {
      if (group.count <= 2 && !group.failing() && rare < MAX_RARE) {
        sel.keep(group.first);
        rare++;
      }
    }
    for (int i : Relevance.top(input.query().within(input.text()), content, 12)) {
      sel.keep(i);
    }
    for (int i : new int[] {0, n - 1}) {
      if (content.get(i).length() > 0) {
        sel.keep(i);
      }
    }
    for (int i = 0; i < n; i++) {
      if (requests[i] == null && content.get(i).length() > 0 && content.get(i).length() <= 300) {
        sel.keep(i); // what is not a request (a startup line, an error) is rare here: keep it
      }
    }
    if (sel.keptCount() >= n) {
      return Optional.empty();
    }
    StringBuilder table = new StringBuilder();
    table
        .append("access log: ")
        .append(parsed)
        .append(" requests in ")
        .append(groups.size())
        .append(" groups by route and status (count, first and last line):\n");
    List<Group> ordered = new ArrayList<>(groups.values());
    // Failures first, then the busiest routes.
    ordered.sort(
        (a, b) ->
            a.failing() != b.failing()
                ? (a.failing() ? -1 : 1)
                : Integer.compare(b.count, a.count));
    int shown = 0;
    int others = 0;
    int otherRequests = 0;
    for (Group group : ordered) {
      if (shown < MAX_GROUPS || group.failing()) {
        table
            .append("  ")
            .append(group.request.method())
            .append(' ')
            .append(group.request.route())
            .append(' ')
            .append(group.request.status() == 0 ? "-" : group.request.status())
            .append(" x")
            .append(group.count)
            .append(" (lines ")
            .append(group.first + 1)
            .append('-')
            .append(group.last + 1)
            .append(")\n");
        shown++;
      } else {
        others++;
        otherRequests += group.count;
      }
    }
    if (others > 0) {
      table
          .append("  … ")
          .append(others)
          .append(" more 2xx/3xx groups, ")
          .append(otherRequests)
          .append(" requests\n");
    }
    String rendered =
        sel.render(input.text(), input.sink(), "lines", groups.size() + " route/status groups");
    return Optional.of(new Candidate(table + rendered, "access_log"));
  }

  /** The requests of one route and status. */
  private static final class Group {
    final Request request;
    int count;
    int first = -1;
    int last;

    Group(Request request) {
      this.request = request;
    }

    void add(int line) {
      if (first < 0) {
        first = line;
      }
      last = line;
      count++;
    }

    boolean failing() {
      return request.status() >= 400;
    }
  }
}
