package dev.headroom.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtension;
import dev.headroom.client.HeadroomClient;
import dev.headroom.compress.CcrStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HeadroomClient bean's extensions: declared as beans and found by ServiceLoader (the
 * headroom-client test jar registers {@code test-discovered-recorder} in META-INF/services).
 */
class ExtensionsTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(HeadroomAutoConfiguration.class))
          .withUserConfiguration(Tagging.class);

  /** An application's own extension, declared as a bean. */
  @Configuration(proxyBeanMethods = false)
  static class Tagging {
    @Bean
    PipelineExtension tagging() {
      return new PipelineExtension() {
        @Override
        public String id() {
          return "acme-tagging";
        }

        @Override
        public PipelineEvent onEvent(PipelineEvent event) {
          return event;
        }
      };
    }
  }

  private static List<String> ids(HeadroomClient client) {
    return client.extensions().extensions().stream().map(PipelineExtension::id).sorted().toList();
  }

  @Test
  void extensionBeansAndDiscoveredExtensionsBothRun() {
    runner.run(
        context ->
            assertEquals(
                List.of("acme-tagging", "test-discovered-recorder"),
                ids(context.getBean(HeadroomClient.class))));
  }

  @Test
  void withDiscoveryOffOnlyTheBeansRun() {
    runner
        .withPropertyValues("headroom.discover-extensions=false")
        .run(
            context ->
                assertEquals(List.of("acme-tagging"), ids(context.getBean(HeadroomClient.class))));
  }

  @Test
  void anApplicationsOwnClientOrStoreIsKept() {
    HeadroomClient own = HeadroomClient.builder().discoverExtensions(false).build();
    CcrStore store = CcrStore.inMemory();
    runner
        .withBean(HeadroomClient.class, () -> own)
        .withBean(CcrStore.class, () -> store)
        .run(
            context -> {
              assertSame(own, context.getBean(HeadroomClient.class));
              assertSame(store, context.getBean(CcrStore.class));
            });
  }

  @Test
  void switchedOffThereIsNoClientAndNoStore() {
    runner
        .withPropertyValues("headroom.enabled=false")
        .run(
            context -> {
              assertTrue(context.getBeansOfType(HeadroomClient.class).isEmpty());
              assertTrue(context.getBeansOfType(CcrStore.class).isEmpty());
            });
  }
}
