package dev.headroom.proxy.internal.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.ProtectedTools;
import io.vertx.core.MultiMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The header rules of a forwarding proxy: hop-by-hop headers and any header named in {@code
 * Connection} never cross; {@code x-headroom-*} control headers are consumed; every other header
 * passes unchanged.
 */
@API(status = INTERNAL, since = "0.1")
public final class ForwardHeaders {

  /** RFC 9110 §7.6.1 hop-by-hop headers, plus the proxy-era ones. */
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "proxy-connection",
          "te",
          "trailer",
          "trailers",
          "transfer-encoding",
          "upgrade");

  private static final String CONTROL_PREFIX = "x-headroom-";

  /** The control header that names more tools to protect for one request. */
  public static final String PROTECT_TOOLS = "x-headroom-protect-tools";

  private ForwardHeaders() {}

  /**
   * Builds the upstream-bound headers of an HTTP request.
   *
   * @param inbound the client's headers
   * @param clientIp the peer address, for {@code X-Forwarded-For}
   * @param requestId the request id, sent as {@code x-request-id}
   * @return a new case-insensitive map
   */
  public static MultiMap upstream(MultiMap inbound, String clientIp, String requestId) {
    Set<String> dropped = connectionNamed(inbound);
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    for (Map.Entry<String, String> header : inbound) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (HOP_BY_HOP.contains(name)
          || dropped.contains(name)
          || name.startsWith(CONTROL_PREFIX)
          || name.equals("host")
          || name.equals("content-length")
          || name.equals("x-request-id")
          || name.equals("expect")) {
        continue;
      }
      out.add(header.getKey(), header.getValue());
    }
    String forwardedFor = inbound.get("x-forwarded-for");
    out.set(
        "x-forwarded-for",
        forwardedFor == null || forwardedFor.isBlank() ? clientIp : forwardedFor + ", " + clientIp);
    out.set("x-forwarded-proto", "http");
    String host = inbound.get("host");
    if (host != null) {
      out.set("x-forwarded-host", host);
    }
    out.set("x-request-id", requestId);
    return out;
  }

  /**
   * Copies upstream response headers to the client response, minus hop-by-hop ones.
   *
   * @param upstream the upstream response headers
   * @param client the client response headers to fill
   */
  public static void relayResponse(MultiMap upstream, MultiMap client) {
    Set<String> dropped = connectionNamed(upstream);
    for (Map.Entry<String, String> header : upstream) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(name) && !dropped.contains(name)) {
        client.add(header.getKey(), header.getValue());
      }
    }
  }

  /**
   * Whether a header name may be set on an upstream request by an extension.
   *
   * @param name a header name
   * @return {@code false} for hop-by-hop, framing and control headers
   */
  public static boolean forwardable(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !HOP_BY_HOP.contains(lower)
        && !lower.startsWith(CONTROL_PREFIX)
        && !lower.equals("host")
        && !lower.equals("content-length");
  }

  /**
   * The bypass predicate, read on the original inbound headers: {@code x-headroom-bypass: true} or
   * {@code x-headroom-mode: passthrough}, trimmed and case-insensitive.
   *
   * @param inbound the client's headers
   * @return whether the request is a full passthrough
   */
  public static boolean bypass(MultiMap inbound) {
    String bypass = inbound.get("x-headroom-bypass");
    String mode = inbound.get("x-headroom-mode");
    return bypass != null && bypass.strip().equalsIgnoreCase("true")
        || mode != null && mode.strip().equalsIgnoreCase("passthrough");
  }

  /**
   * @param inbound the client's headers
   * @return the tools named by {@code x-headroom-protect-tools} (comma-separated globs, repeated
   *     headers joined), protected for this request on top of the configured ones
   */
  public static ProtectedTools protectedTools(MultiMap inbound) {
    List<String> values = inbound.getAll(PROTECT_TOOLS);
    return values.isEmpty()
        ? ProtectedTools.none()
        : ProtectedTools.parse(String.join(",", values));
  }

  /**
   * @param headers headers as Vert.x holds them
   * @return lower-case names, one value each (repeated headers joined with ", "), as pipeline
   *     events carry them
   */
  public static Map<String, String> singleValued(MultiMap headers) {
    Map<String, String> single = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : headers) {
      single.merge(
          header.getKey().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + ", " + b);
    }
    return single;
  }

  /**
   * Applies what extensions changed in the event headers, never touching control or framing
   * headers.
   *
   * @param target the upstream-bound headers
   * @param before the headers the extensions were shown
   * @param after the headers they returned
   */
  public static void applyChanges(
      MultiMap target, Map<String, String> before, Map<String, String> after) {
    for (String name : before.keySet()) {
      if (!after.containsKey(name) && forwardable(name)) {
        target.remove(name);
      }
    }
    after.forEach(
        (name, value) -> {
          if (!value.equals(before.get(name)) && forwardable(name)) {
            target.set(name, value);
          }
        });
  }

  private static Set<String> connectionNamed(MultiMap headers) {
    Set<String> names = new HashSet<>();
    for (String value : headers.getAll("connection")) {
      for (String token : value.split(",")) {
        String name = token.strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
