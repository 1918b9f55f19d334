package dev.headroom.proxy.internal.http;

import java.util.concurrent.TimeoutException;

/**
 * Why an exchange could not go as planned: the status the client gets when nothing was sent to it
 * yet (a stream already started is cut instead), the error type of the provider-shaped body, the
 * access log's {@code failure} and the upstream error metric's {@code kind}.
 */
enum ProxyFailure {
  BODY_TOO_LARGE(413, "request_too_large", "body_too_large", ""),
  CLIENT_REQUEST_ERROR(499, "", "client_request_error", ""),
  CLIENT_CLOSED(499, "", "client_closed", ""),
  UPSTREAM_TIMEOUT(504, "upstream_timeout", "upstream_timeout", "timeout"),
  UPSTREAM_UNAVAILABLE(502, "upstream_unavailable", "upstream_connect", "connect"),
  UPSTREAM_RESET(502, "upstream_unavailable", "upstream_reset_mid_response", "reset"),
  UPSTREAM_NOT_CONFIGURED(502, "upstream_not_configured", "upstream_not_configured", "");

  final int status;
  final String errorType;
  final String label;
  final String upstreamKind;

  ProxyFailure(int status, String errorType, String label, String upstreamKind) {
    this.status = status;
    this.errorType = errorType;
    this.label = label;
    this.upstreamKind = upstreamKind;
  }

  /**
   * @param cause why an upstream call failed before its response head
   * @return the failure it is
   */
  static ProxyFailure upstream(Throwable cause) {
    boolean timeout =
        cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout");
    return timeout ? UPSTREAM_TIMEOUT : UPSTREAM_UNAVAILABLE;
  }

  /**
   * @param maxBodyBytes the proxy's body limit
   * @return the fixed, credential-free message of the error body
   */
  String message(long maxBodyBytes) {
    return switch (this) {
      case BODY_TOO_LARGE ->
          "The request body exceeds the proxy's limit of " + maxBodyBytes + " bytes.";
      case UPSTREAM_TIMEOUT -> "The upstream did not answer in time.";
      case UPSTREAM_NOT_CONFIGURED ->
          "This proxy has no upstream for this provider: configure one (--azure-openai-url).";
      default -> "The upstream refused or reset the connection.";
    };
  }
}
