package dev.headroom.it.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.api.ExtensionFailure;
import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.api.PipelineStage;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extensions listed in {@code META-INF/services}, as class-path users register them. */
class ClassPathDiscoveryTest {

  /** A well-behaved extension. */
  public static final class Tagging implements PipelineExtension {
    @Override
    public String id() {
      return "tagging";
    }

    @Override
    public PipelineEvent onEvent(PipelineEvent event) {
      return event.withMetadata("tagged", true);
    }
  }

  /** An extension whose constructor fails, as one missing its configuration would. */
  public static final class ExplodingConstructor implements PipelineExtension {
    public ExplodingConstructor() {
      throw new IllegalStateException("missing configuration");
    }

    @Override
    public String id() {
      return "exploding";
    }

    @Override
    public PipelineEvent onEvent(PipelineEvent event) {
      return event;
    }
  }

  private static ServiceLoader<PipelineExtension> loaderListing(Path dir, String... providers)
      throws IOException {
    Path services = dir.resolve("META-INF/services/" + PipelineExtension.class.getName());
    Files.createDirectories(services.getParent());
    Files.write(services, List.of(providers));
    URLClassLoader loader =
        new URLClassLoader(
            new URL[] {dir.toUri().toURL()}, ClassPathDiscoveryTest.class.getClassLoader());
    return ServiceLoader.load(PipelineExtension.class, loader);
  }

  @Test
  void providersThatFailToLoadOrConstructAreReportedAndTheRestStillLoad(@TempDir Path dir)
      throws IOException {
    ServiceLoader<PipelineExtension> loader =
        loaderListing(
            dir,
            ExplodingConstructor.class.getName(),
            "com.acme.DoesNotExist",
            Tagging.class.getName());

    PipelineExtensions extensions = PipelineExtensions.from(loader);

    assertEquals(
        List.of("tagging"),
        extensions.extensions().stream().map(PipelineExtension::id).collect(Collectors.toList()));
    List<String> failures =
        extensions.loadFailures().stream()
            .map(failure -> failure.provider() + " " + failure.cause().getMessage())
            .collect(Collectors.toList());
    assertEquals(2, failures.size(), failures::toString);
    assertTrue(
        failures.stream().anyMatch(text -> text.contains(ExplodingConstructor.class.getName())),
        failures::toString);
    assertTrue(
        failures.stream().anyMatch(text -> text.startsWith("com.acme.DoesNotExist ")),
        failures::toString);
    assertEquals(
        true,
        extensions
            .emit(
                PipelineStage.PRE_SEND,
                PipelineEvent.builder(PipelineStage.PRE_SEND, "test").build())
            .metadata()
            .get("tagged"));
  }

  @Test
  void loadFailuresCarryTheirCause(@TempDir Path dir) throws IOException {
    PipelineExtensions extensions =
        PipelineExtensions.from(loaderListing(dir, ExplodingConstructor.class.getName()));

    ExtensionFailure failure = extensions.loadFailures().get(0);
    Throwable root = failure.cause();
    while (root.getCause() != null) {
      root = root.getCause();
    }
    assertEquals("missing configuration", root.getMessage());
  }
}
