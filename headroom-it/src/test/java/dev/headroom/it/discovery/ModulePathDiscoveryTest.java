package dev.headroom.it.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extensions provided through a real {@code module-info} {@code provides} clause, discovered on the
 * module path of a separate JVM by an application module that declares {@code uses} — the way the
 * proxy finds them. Each fixture module is compiled from source against the built headroom-api jar.
 */
class ModulePathDiscoveryTest {

  @TempDir static Path work;

  private static Path app;
  private static Path tagger;
  private static Path broken;
  private static Path clone;

  @BeforeAll
  static void compileFixtureModules() throws IOException {
    tagger =
        ModuleCompiler.compile(
            work,
            "acme.tagger",
            Map.of(
                "module-info.java",
                    "module acme.tagger {\n"
                        + "  requires dev.headroom.api;\n"
                        + "  provides dev.headroom.api.PipelineExtension with acme.tagger.Tagger;\n"
                        + "}\n",
                "acme/tagger/Tagger.java",
                    "package acme.tagger;\n"
                        + "import dev.headroom.api.*;\n"
                        + "public final class Tagger implements PipelineExtension {\n"
                        + "  public String id() { return \"acme-tagger\"; }\n"
                        + "  public PipelineEvent onEvent(PipelineEvent event) { return event.withMetadata(\"tagged_by\", id()); }\n"
                        + "}\n"));
    broken =
        ModuleCompiler.compile(
            work,
            "acme.broken",
            Map.of(
                "module-info.java",
                    "module acme.broken {\n"
                        + "  requires dev.headroom.api;\n"
                        + "  provides dev.headroom.api.PipelineExtension with acme.broken.Broken;\n"
                        + "}\n",
                "acme/broken/Broken.java",
                    "package acme.broken;\n"
                        + "import dev.headroom.api.*;\n"
                        + "public final class Broken implements PipelineExtension {\n"
                        + "  public Broken() { throw new IllegalStateException(\"no licence key\"); }\n"
                        + "  public String id() { return \"acme-broken\"; }\n"
                        + "  public PipelineEvent onEvent(PipelineEvent event) { return event; }\n"
                        + "}\n"));
    clone =
        ModuleCompiler.compile(
            work,
            "acme.clone",
            Map.of(
                "module-info.java",
                    "module acme.clone {\n"
                        + "  requires dev.headroom.api;\n"
                        + "  provides dev.headroom.api.PipelineExtension with acme.clone.Clone;\n"
                        + "}\n",
                "acme/clone/Clone.java",
                    "package acme.clone;\n"
                        + "import dev.headroom.api.*;\n"
                        + "public final class Clone implements PipelineExtension {\n"
                        + "  public String id() { return \"acme-tagger\"; }\n"
                        + "  public PipelineEvent onEvent(PipelineEvent event) { return event; }\n"
                        + "}\n"));
    app =
        ModuleCompiler.compile(
            work,
            "acme.app",
            Map.of(
                "module-info.java",
                    "module acme.app {\n"
                        + "  requires dev.headroom.api;\n"
                        + "  uses dev.headroom.api.PipelineExtension;\n"
                        + "}\n",
                "acme/app/Main.java",
                    "package acme.app;\n"
                        + "import dev.headroom.api.*;\n"
                        + "import java.util.ServiceLoader;\n"
                        + "public final class Main {\n"
                        + "  public static void main(String[] args) {\n"
                        + "    PipelineExtensions extensions;\n"
                        + "    try {\n"
                        + "      extensions = PipelineExtensions.from(ServiceLoader.load(PipelineExtension.class));\n"
                        + "    } catch (ExtensionConfigurationException e) {\n"
                        + "      System.err.println(e.getMessage());\n"
                        + "      System.exit(3);\n"
                        + "      return;\n"
                        + "    }\n"
                        + "    PipelineEvent event = PipelineEvent.builder(PipelineStage.INPUT_RECEIVED, \"app.request\").build();\n"
                        + "    System.out.println(\"extensions=\" + extensions);\n"
                        + "    for (ExtensionFailure failure : extensions.loadFailures()) {\n"
                        + "      System.out.println(\"failed=\" + failure.provider() + \": \" + failure.cause().getMessage());\n"
                        + "    }\n"
                        + "    System.out.println(\"metadata=\" + extensions.emit(PipelineStage.INPUT_RECEIVED, event).metadata());\n"
                        + "  }\n"
                        + "}\n"));
  }

  private record Run(int status, String out, String err) {}

  private static Run runApp(Path... extensionModules) throws IOException, InterruptedException {
    List<Path> modulePath = new ArrayList<>(ModuleCompiler.apiModulePath());
    modulePath.add(app);
    modulePath.addAll(List.of(extensionModules));
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process =
        new ProcessBuilder(
                java,
                "--module-path",
                modulePath.stream()
                    .map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator)),
                "--module",
                "acme.app/acme.app.Main")
            .redirectErrorStream(false)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the fixture application did not finish");
    return new Run(process.exitValue(), out, err);
  }

  @Test
  void anExtensionProvidedByModuleInfoIsDiscoveredOnTheModulePath() throws Exception {
    Run run = runApp(tagger);

    assertEquals(0, run.status(), run.err());
    assertEquals(
        List.of("extensions=PipelineExtensions[acme-tagger]", "metadata={tagged_by=acme-tagger}"),
        lines(run.out()));
  }

  @Test
  void aProviderThatFailsToConstructIsReportedAndSkipped() throws Exception {
    Run run = runApp(tagger, broken);

    assertEquals(0, run.status(), run.err());
    List<String> lines = lines(run.out());
    assertEquals("extensions=PipelineExtensions[acme-tagger]", lines.get(0));
    assertTrue(lines.get(1).startsWith("failed=acme.broken.Broken: "), run.out());
    assertEquals("metadata={tagged_by=acme-tagger}", lines.get(2));
    assertTrue(run.err().contains("acme.broken.Broken failed to load and is skipped"), run.err());
  }

  @Test
  void twoProvidersWithOneIdFailStartUpNamingTheId() throws Exception {
    Run run = runApp(tagger, clone);

    assertEquals(3, run.status(), run.out());
    assertTrue(run.err().contains("two pipeline extensions have the id 'acme-tagger'"), run.err());
  }

  private static List<String> lines(String text) {
    return Stream.of(text.split("\\R"))
        .filter(line -> !line.isBlank())
        .collect(Collectors.toList());
  }
}
