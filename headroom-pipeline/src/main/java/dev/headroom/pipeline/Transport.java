package dev.headroom.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** How a request arrived: an HTTP request, or one {@code response.create} frame of a WebSocket. */
@API(status = INTERNAL, since = "0.1")
public enum Transport {
  HTTP("http"),
  WEBSOCKET("websocket");

  private final String label;

  Transport(String label) {
    this.label = label;
  }

  /**
   * @return {@code http} or {@code websocket}, the {@link MetadataKeys#TRANSPORT} value
   */
  public String label() {
    return label;
  }
}
