package dev.headroom.compress.internal.detect;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * One line of a web access log, read as a request: the common and combined formats of nginx and
 * Apache and their extensions with timing fields, Envoy's default format ({@code "GET /path
 * HTTP/1.1" 200} anywhere in the line), and AWS ALB/ELB lines.
 *
 * @param method the HTTP method
 * @param target the request target as logged (path and query, or a full URL for ALB)
 * @param status the status, {@code 0} when the log has none ({@code -})
 */
@API(status = INTERNAL, since = "0.1")
public record AccessLine(String method, String target, int status) {

  /** {@code "GET /path HTTP/1.1" 200}: common, combined, their extensions, Envoy. */
  static final Pattern REQUEST =
      Pattern.compile(
          "\"(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|CONNECT|TRACE) (\\S+)(?: [A-Z]+/[\\d.]+)?\" (\\d{3}) ");

  /**
   * ALB/ELB: {@code type time elb client target t1 t2 t3 elb_status target_status in out "req"}.
   */
  private static final Pattern ALB =
      Pattern.compile(
          "^(?:https?|h2|grpcs?|wss?) \\S+ \\S+ \\S+ \\S+ \\S+ \\S+ \\S+ (\\d{3}|-) \\S+ \\d+ \\d+ "
              + "\"([A-Z]+) (\\S+) ");

  private static final int MAX_LINE = 2_000;

  /**
   * @param line a log line
   * @return the request it logs, or {@code null} when it is not an access-log line
   */
  public static AccessLine parse(String line) {
    if (line.length() > MAX_LINE || line.indexOf('"') < 0) {
      return null;
    }
    // REQUEST.find(), tried only at a quote followed by a capital (where its match must begin):
    // lookingAt from each such quote in turn finds the leftmost match and the same groups.
    Matcher request = REQUEST.matcher(line);
    int n = line.length();
    for (int q = line.indexOf('"'); q >= 0 && q + 1 < n; q = line.indexOf('"', q + 1)) {
      char method = line.charAt(q + 1);
      if (method >= 'A' && method <= 'Z' && request.region(q, n).lookingAt()) {
        return new AccessLine(
            request.group(1), request.group(2), Integer.parseInt(request.group(3)));
      }
    }
    Matcher alb = ALB.matcher(line);
    if (alb.lookingAt()) {
      int status = alb.group(1).equals("-") ? 0 : Integer.parseInt(alb.group(1));
      return new AccessLine(alb.group(2), alb.group(3), status);
    }
    return null;
  }
}
