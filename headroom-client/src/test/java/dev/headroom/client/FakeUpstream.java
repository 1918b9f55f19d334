package dev.headroom.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A provider on 127.0.0.1 that records request bodies and answers with what a function makes of
 * them. Shared with the SDK drop-in modules through this module's test jar.
 */
public final class FakeUpstream implements AutoCloseable {

  public final List<byte[]> bodies = new CopyOnWriteArrayList<>();
  public final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  /**
   * @param answer request body text to {content type, response body}
   */
  public FakeUpstream(Function<String, String[]> answer) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          bodies.add(body);
          Map<String, String> received = new TreeMap<>();
          exchange
              .getRequestHeaders()
              .forEach(
                  (name, values) ->
                      received.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
          headers.add(received);
          String[] reply = answer.apply(new String(body, StandardCharsets.UTF_8));
          byte[] out = reply[1].getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("content-type", reply[0]);
          exchange.sendResponseHeaders(200, out.length);
          try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(out);
          }
        });
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public byte[] last() {
    return bodies.get(bodies.size() - 1);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
