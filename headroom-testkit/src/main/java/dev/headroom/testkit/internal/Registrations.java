package dev.headroom.testkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apiguardian.api.API;

/**
 * Reads how an extension class is registered where it was compiled or packaged: the {@code
 * provides} clauses of the {@code module-info.class} beside it and the {@code META-INF/services}
 * file beside it. Reading the files, rather than asking the running module, gives the same answer
 * whether the author's tests run on the module path or the class path.
 */
@API(status = INTERNAL, since = "0.1")
public final class Registrations {

  public static final String SERVICE = "dev.headroom.api.PipelineExtension";

  private Registrations() {}

  /**
   * Says what is missing from the registration of a provider class.
   *
   * @return one line per problem; empty when it is registered both ways
   */
  public static List<String> problems(Class<?> provider) {
    List<String> problems = new ArrayList<>();
    String name = provider.getName();
    Optional<byte[]> moduleInfo = read(provider, "module-info.class");
    Optional<ModuleDescriptor> descriptor =
        moduleInfo.map(bytes -> ModuleDescriptor.read(ByteBuffer.wrap(bytes)));
    if (descriptor.isEmpty() && provider.getModule().isNamed()) {
      descriptor = Optional.of(provider.getModule().getDescriptor());
    }
    if (descriptor.isEmpty()) {
      problems.add(
          "there is no module-info.java beside "
              + name
              + "; add one with 'provides "
              + SERVICE
              + " with "
              + name
              + ";'");
    } else if (descriptor.get().provides().stream()
        .noneMatch(
            provides ->
                provides.service().equals(SERVICE) && provides.providers().contains(name))) {
      problems.add(
          "module "
              + descriptor.get().name()
              + " does not declare 'provides "
              + SERVICE
              + " with "
              + name
              + ";' in module-info.java");
    }
    Optional<byte[]> services = read(provider, "META-INF/services/" + SERVICE);
    boolean listed =
        services
            .map(
                bytes ->
                    new String(bytes, StandardCharsets.UTF_8)
                        .lines()
                        .map(line -> line.replaceFirst("#.*", "").strip())
                        .anyMatch(name::equals))
            .orElse(false);
    if (!listed) {
      problems.add(
          "META-INF/services/"
              + SERVICE
              + " does not list "
              + name
              + "; add the line so class-path users (and tools that do not read module-info) find it");
    }
    return problems;
  }

  /** Reads a file at the root of the directory or jar the class was loaded from. */
  private static Optional<byte[]> read(Class<?> type, String entry) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      Path location = Path.of(source.getLocation().toURI());
      if (Files.isDirectory(location)) {
        Path file = location.resolve(entry);
        return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
      }
      try (ZipFile jar = new ZipFile(location.toFile())) {
        ZipEntry found = jar.getEntry(entry);
        if (found == null) {
          return Optional.empty();
        }
        try (InputStream in = jar.getInputStream(found)) {
          return Optional.of(in.readAllBytes());
        }
      }
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
