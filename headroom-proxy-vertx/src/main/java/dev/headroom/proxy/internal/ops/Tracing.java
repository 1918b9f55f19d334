package dev.headroom.proxy.internal.ops;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * The gateway's tracer: off unless {@code --otlp-endpoint} names a collector (or an embedding
 * application hands over its own {@link TracerProvider}). Spans are exported over OTLP/HTTP in
 * batches, off the event loops, by the JDK's HttpClient.
 */
@API(status = INTERNAL, since = "0.1")
public final class Tracing {

  /** The instrumentation scope of the gateway's spans. */
  public static final String SCOPE = "dev.headroom.proxy";

  private static final Tracing OFF = new Tracing(null, null);

  private final Tracer tracer;
  private final SdkTracerProvider owned;

  private Tracing(Tracer tracer, SdkTracerProvider owned) {
    this.tracer = tracer;
    this.owned = owned;
  }

  /**
   * @return no tracing
   */
  public static Tracing off() {
    return OFF;
  }

  /**
   * @param provider an application's own provider (it stays the application's to shut down)
   * @return tracing into it
   */
  public static Tracing of(TracerProvider provider) {
    return new Tracing(provider.get(SCOPE), null);
  }

  /**
   * @param endpoint an OTLP/HTTP collector ({@code http://collector:4318}; {@code /v1/traces} is
   *     added unless the path already ends with it)
   * @return tracing exported there, in batches, as the service {@code headroom}
   */
  public static Tracing otlp(URI endpoint) {
    // The context's storage is otherwise looked up with ServiceLoader from a module that cannot
    // declare the service in the jlink image; the default storage is what it would find.
    if (System.getProperty("io.opentelemetry.context.contextStorageProvider") == null) {
      System.setProperty("io.opentelemetry.context.contextStorageProvider", "default");
    }
    String url = endpoint.toString();
    if (!url.endsWith("/v1/traces")) {
      url = url.replaceAll("/+$", "") + "/v1/traces";
    }
    OtlpHttpSpanExporter exporter =
        OtlpHttpSpanExporter.builder().setEndpoint(url).setComponentLoader(JDK_SENDER).build();
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "headroom")))
            .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
            .build();
    return new Tracing(provider.get(SCOPE), provider);
  }

  /**
   * The exporter's HTTP sender, named rather than looked up with ServiceLoader (which the image's
   * module descriptors cannot declare for it).
   */
  private static final ComponentLoader JDK_SENDER =
      new ComponentLoader() {
        @Override
        public <T> Iterable<T> load(Class<T> spi) {
          return spi == HttpSenderProvider.class
              ? List.of(spi.cast(new JdkHttpSenderProvider()))
              : List.of();
        }
      };

  /**
   * @return the tracer, when tracing is on
   */
  public Optional<Tracer> tracer() {
    return Optional.ofNullable(tracer);
  }

  /** Exports what is pending and stops, when this tracing owns its provider (at most 5 s). */
  public void close() {
    if (owned != null) {
      owned.shutdown().join(5, TimeUnit.SECONDS);
    }
  }
}
