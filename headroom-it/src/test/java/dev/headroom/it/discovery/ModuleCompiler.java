package dev.headroom.it.discovery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.api.PipelineExtension;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apiguardian.api.API;

/** Compiles small named modules from source at test time, against the built headroom-api. */
final class ModuleCompiler {

  private ModuleCompiler() {}

  /** Where a class was loaded from: a jar, or a classes directory. */
  static Path locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate " + type.getName(), e);
    }
  }

  /** The module path holding headroom-api and its static annotation module. */
  static List<Path> apiModulePath() {
    return List.of(locationOf(PipelineExtension.class), locationOf(API.class));
  }

  /**
   * Writes the sources (relative path to text) of one module and compiles them into {@code out}.
   *
   * @return the directory holding the compiled, exploded module
   */
  static Path compile(Path workDir, String moduleName, Map<String, String> sources)
      throws IOException {
    Path src = workDir.resolve("src").resolve(moduleName);
    Path out = workDir.resolve("mods").resolve(moduleName);
    List<String> files = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      files.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--release", "17",
                "--module-path",
                    apiModulePath().stream()
                        .map(Path::toString)
                        .collect(Collectors.joining(File.pathSeparator)),
                "-d", out.toString()));
    args.addAll(files);
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = javac.run(null, errors, errors, args.toArray(String[]::new));
    assertTrue(status == 0, () -> "fixture module " + moduleName + " did not compile: " + errors);
    return out;
  }
}
