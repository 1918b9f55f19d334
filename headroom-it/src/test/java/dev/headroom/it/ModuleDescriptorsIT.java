package dev.headroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden module descriptors: {@code jar --describe-module} of every built Headroom jar must equal
 * the checked-in {@code module-descriptors/<module>.txt}, so any change to exports, requires,
 * opens, uses or provides is a reviewed diff. After an intended change, regenerate the files with
 * {@code ./mvnw verify -Dheadroom.updateGoldenFiles=true} and review the diff.
 */
class ModuleDescriptorsIT {

  private static final String GOLDEN_DIR = "module-descriptors";

  /** Module name to described text, for every {@code headroom-*.jar} on the class path. */
  private static Map<String, String> builtModules() {
    Map<String, String> modules = new TreeMap<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      String file = path.getFileName().toString();
      if (file.startsWith("headroom-") && file.endsWith(".jar") && Files.isRegularFile(path)) {
        String described = describe(path);
        if (!described.isEmpty()) {
          modules.put(described.lines().findFirst().orElseThrow(), described);
        }
      }
    }
    return modules;
  }

  /**
   * Runs {@code jar --describe-module}; the first line keeps only the module name (no version, no
   * path).
   */
  private static String describe(Path jar) {
    ToolProvider tool = ToolProvider.findFirst("jar").orElseThrow();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        tool.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            "--describe-module",
            "--file",
            jar.toString());
    String text = out.toString(StandardCharsets.UTF_8);
    if (status != 0 || text.startsWith("No module descriptor found")) {
      return "";
    }
    List<String> lines =
        text.lines()
            .filter(line -> !line.isBlank())
            .collect(Collectors.toCollection(ArrayList::new));
    lines.set(0, lines.get(0).split("[@ ]", 2)[0]);
    return String.join("\n", lines) + "\n";
  }

  private static boolean updating() {
    return Boolean.getBoolean("headroom.updateGoldenFiles");
  }

  private static Path goldenDir() {
    return Path.of(System.getProperty("basedir", "."), "src/test/resources", GOLDEN_DIR);
  }

  /**
   * The checked-in text; while updating, the file just written (the class path copy is stale then).
   */
  private static String golden(String module) throws IOException {
    if (updating()) {
      return Files.readString(goldenDir().resolve(module + ".txt"));
    }
    try (InputStream in =
        ModuleDescriptorsIT.class.getResourceAsStream("/" + GOLDEN_DIR + "/" + module + ".txt")) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyModuleDescriptorMatchesItsGoldenFile() throws IOException {
    Map<String, String> modules = builtModules();
    if (updating()) {
      Path dir = goldenDir();
      Files.createDirectories(dir);
      for (Map.Entry<String, String> module : modules.entrySet()) {
        Files.writeString(dir.resolve(module.getKey() + ".txt"), module.getValue());
      }
    }
    return modules.entrySet().stream()
        .map(
            module ->
                DynamicTest.dynamicTest(
                    module.getKey(),
                    () ->
                        assertEquals(
                            golden(module.getKey()),
                            module.getValue(),
                            "module descriptor of "
                                + module.getKey()
                                + " changed; if intended, run with -Dheadroom.updateGoldenFiles=true and review the diff")));
  }

  @Test
  void everyGoldenFileHasABuiltModuleAndTheApiIsAmongThem() throws IOException {
    TreeSet<String> golden;
    try (InputStream in =
        ModuleDescriptorsIT.class.getResourceAsStream("/" + GOLDEN_DIR + "/index.txt")) {
      golden =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(line -> !line.isBlank())
              .collect(Collectors.toCollection(TreeSet::new));
    }
    Map<String, String> built = builtModules();

    assertFalse(
        built.isEmpty(),
        "no headroom-*.jar on the class path: run this as a failsafe integration test after package");
    assertEquals(
        golden,
        new TreeSet<>(built.keySet()),
        "module-descriptors/index.txt lists the modules that must be built and checked");
  }
}
