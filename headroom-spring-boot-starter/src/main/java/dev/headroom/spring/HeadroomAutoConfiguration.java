package dev.headroom.spring;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.headroom.api.PipelineExtension;
import dev.headroom.client.Exchange;
import dev.headroom.client.HeadroomClient;
import dev.headroom.compress.CcrStore;
import dev.headroom.compress.CompressOptions;
import dev.headroom.compress.LiveZoneOptions;
import dev.headroom.compress.ProtectedTools;
import dev.headroom.compress.ProviderApi;
import dev.headroom.spring.internal.CcrStoreHealthIndicator;
import dev.headroom.spring.internal.CompressingInterceptor;
import dev.headroom.spring.internal.HeadroomMeters;
import dev.headroom.spring.internal.RedisCcrStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.springframework.ai.anthropic.http.okhttp.AnthropicHttpClientBuilderCustomizer;
import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With the starter on the class path: one {@link HeadroomClient} bean (extensions declared as beans
 * and, unless {@code headroom.discover-extensions=false}, found by {@code ServiceLoader}); every
 * Chat Completions and Responses request of Spring AI's OpenAI models, and every Messages request
 * of its Anthropic models, goes through it — blocking and streaming — by an OkHttp interceptor
 * given to the HTTP-client builder customizers those models apply ({@link
 * OpenAiHttpClientBuilderCustomizer}, {@link AnthropicHttpClientBuilderCustomizer}). With
 * Micrometer, meters in the application's registry; with Spring Boot's health support, a health
 * indicator ({@code headroomCcr}) for the CCR store. {@code headroom.enabled=false} creates none of
 * this.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@AutoConfiguration
@ConditionalOnProperty(
    prefix = "headroom",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
@EnableConfigurationProperties(HeadroomProperties.class)
public class HeadroomAutoConfiguration {

  /** How long a dropped original can be retrieved, as in the in-memory store's default. */
  static final Duration CCR_TTL = Duration.ofMinutes(30);

  /** Creates the configuration; Spring does. */
  public HeadroomAutoConfiguration() {}

  /**
   * @param properties {@code headroom.ccr-store}
   * @return the store named there
   */
  @Bean
  @ConditionalOnMissingBean
  public CcrStore headroomCcrStore(HeadroomProperties properties) {
    String store = properties.ccrStore().strip();
    if (store.equalsIgnoreCase("memory")) {
      return CcrStore.inMemory(1_000, CcrStore.defaultMaxBytes(), CCR_TTL);
    }
    String scheme = store.toLowerCase(Locale.ROOT);
    if (scheme.startsWith("redis://") || scheme.startsWith("rediss://")) {
      try {
        Class.forName("io.lettuce.core.RedisClient", false, getClass().getClassLoader());
      } catch (ClassNotFoundException missing) {
        throw new IllegalStateException(
            "headroom.ccr-store names Redis, but io.lettuce:lettuce-core is not on the class path");
      }
      return new RedisCcrStore(store, CCR_TTL);
    }
    throw new IllegalStateException(
        "headroom.ccr-store must be 'memory' or a redis:// URL, not '" + store + "'");
  }

  /**
   * @param properties the {@code headroom.*} settings
   * @param ccrStore where dropped originals are kept
   * @param extensions the pipeline extensions declared as beans, in their order
   * @return the client every Spring AI request goes through
   */
  @Bean
  @ConditionalOnMissingBean
  public HeadroomClient headroomClient(
      HeadroomProperties properties,
      CcrStore ccrStore,
      ObjectProvider<PipelineExtension> extensions) {
    HeadroomClient.Builder builder =
        HeadroomClient.builder()
            .discoverExtensions(properties.discoverExtensions())
            .compressOptions(CompressOptions.defaults().withMinBytes(properties.minBlockBytes()))
            .liveZoneOptions(
                new LiveZoneOptions(properties.minBlockBytes(), properties.budget())
                    .withProtectedTools(
                        ProtectedTools.parse(String.join(",", properties.protectTools()))))
            .ccrStore(ccrStore);
    extensions.orderedStream().forEach(builder::extension);
    return builder.build();
  }

  /** What every interceptor tells of a prepared request: the meters, when there are some. */
  static Consumer<Exchange> listener(ObjectProvider<HeadroomMeters> meters) {
    HeadroomMeters found = meters.getIfAvailable();
    return found == null ? exchange -> {} : found;
  }

  /** Spring AI's OpenAI models: Chat Completions and Responses. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(OpenAiHttpClientBuilderCustomizer.class)
  static class OpenAi {

    private static final Set<ProviderApi> APIS =
        EnumSet.of(ProviderApi.CHAT_COMPLETIONS, ProviderApi.RESPONSES);

    @Bean
    OpenAiHttpClientBuilderCustomizer headroomOpenAiHttpClientCustomizer(
        HeadroomClient headroom, ObjectProvider<HeadroomMeters> meters) {
      CompressingInterceptor interceptor =
          new CompressingInterceptor(headroom, APIS, listener(meters));
      return builder -> builder.interceptor(interceptor);
    }
  }

  /** Spring AI's Anthropic models: Messages. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(AnthropicHttpClientBuilderCustomizer.class)
  static class Anthropic {

    @Bean
    AnthropicHttpClientBuilderCustomizer headroomAnthropicHttpClientCustomizer(
        HeadroomClient headroom, ObjectProvider<HeadroomMeters> meters) {
      CompressingInterceptor interceptor =
          new CompressingInterceptor(
              headroom, EnumSet.of(ProviderApi.ANTHROPIC_MESSAGES), listener(meters));
      return builder -> builder.interceptor(interceptor);
    }
  }

  /**
   * Meters in the application's registry. Looked up when the first model is built rather than made
   * conditional on a registry bean, which would depend on the order of the auto-configurations
   * defining one; without a registry they go to a registry of their own that nothing reads.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  static class Metrics {

    @Bean
    HeadroomMeters headroomMeters(ObjectProvider<MeterRegistry> registries) {
      return new HeadroomMeters(registries.getIfUnique(SimpleMeterRegistry::new));
    }
  }

  /** The CCR store's health. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("headroom")
  static class Health {

    @Bean
    HealthIndicator headroomCcrHealthIndicator(CcrStore ccrStore, HeadroomProperties properties) {
      String store = properties.ccrStore().strip().toLowerCase(Locale.ROOT);
      return new CcrStoreHealthIndicator(ccrStore, store.startsWith("redis") ? "redis" : "memory");
    }
  }
}
