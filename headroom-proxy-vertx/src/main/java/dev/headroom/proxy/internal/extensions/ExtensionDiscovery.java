package dev.headroom.proxy.internal.extensions;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineExtensions;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Finds extensions: providers visible to this module ({@code uses
 * dev.headroom.api.PipelineExtension}, module path and {@code META-INF/services}) plus every jar in
 * an extensions directory, each jar resolved into its own {@link ModuleLayer} so extensions cannot
 * see (or clash with) one another. A jar that cannot be loaded is logged and skipped.
 */
@API(status = INTERNAL, since = "0.1")
public final class ExtensionDiscovery {

  private static final Logger LOG = System.getLogger(ExtensionDiscovery.class.getName());

  private ExtensionDiscovery() {}

  /**
   * @param extensionsDir the directory of jars, or {@code null}
   * @return the ordered extensions
   * @throws dev.headroom.api.ExtensionConfigurationException when two extensions share an id
   */
  public static PipelineExtensions discover(Path extensionsDir) {
    PipelineExtensions.Builder builder =
        PipelineExtensions.builder().load(ServiceLoader.load(PipelineExtension.class));
    if (extensionsDir != null) {
      for (Path jar : jars(extensionsDir)) {
        loadJar(jar, builder);
      }
    }
    return builder.build();
  }

  private static List<Path> jars(Path dir) {
    if (!Files.isDirectory(dir)) {
      LOG.log(
          Level.WARNING,
          "extensions directory " + dir + " does not exist; no extensions loaded from it");
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".jar"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      LOG.log(
          Level.WARNING, "extensions directory " + dir + " cannot be listed: " + e.getMessage());
      return List.of();
    }
  }

  private static void loadJar(Path jar, PipelineExtensions.Builder builder) {
    try {
      ModuleLayer parent =
          PipelineExtension.class.getModule().getLayer() != null
              ? PipelineExtension.class.getModule().getLayer()
              : ModuleLayer.boot();
      ModuleFinder finder = ModuleFinder.of(jar);
      Set<String> roots =
          finder.findAll().stream()
              .map(ModuleReference::descriptor)
              .map(d -> d.name())
              .collect(Collectors.toSet());
      Configuration configuration =
          parent.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
      ModuleLayer layer =
          ModuleLayer.defineModulesWithOneLoader(
                  configuration, List.of(parent), PipelineExtension.class.getClassLoader())
              .layer();
      int found = 0;
      for (ServiceLoader.Provider<PipelineExtension> provider :
          (Iterable<ServiceLoader.Provider<PipelineExtension>>)
              ServiceLoader.load(layer, PipelineExtension.class).stream()::iterator) {
        if (provider.type().getModule().getLayer() == layer) {
          builder.add(provider.get());
          found++;
        }
      }
      LOG.log(
          Level.INFO,
          "extensions jar "
              + jar.getFileName()
              + ": "
              + found
              + " extension(s) in module(s) "
              + roots);
    } catch (RuntimeException | LinkageError | ServiceConfigurationError failure) {
      LOG.log(
          Level.WARNING,
          "extensions jar "
              + jar.getFileName()
              + " could not be loaded and is skipped: "
              + failure);
    }
  }
}
