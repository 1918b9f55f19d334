package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.api.PipelineExtension;
import dev.headroom.proxy.internal.extensions.ExtensionDiscovery;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionsDirectoryTest {

  private static final String SOURCE =
      """
      package sample.ext;

      import dev.headroom.api.PipelineEvent;
      import dev.headroom.api.PipelineExtension;
      import dev.headroom.api.PipelineStage;
      import java.util.LinkedHashMap;
      import java.util.Map;

      public final class TaggingExtension implements PipelineExtension {
        @Override public String id() { return "%s"; }
        @Override public PipelineEvent onEvent(PipelineEvent event) {
          if (event.stage() != PipelineStage.PRE_SEND) { return event; }
          Map<String, Object> payload = new LinkedHashMap<>(event.payload());
          payload.put("%s", true);
          return event.withPayload(payload);
        }
      }
      """;

  @Test
  void eachJarInTheExtensionsDirectoryIsLoadedInItsOwnLayerAndRuns(@TempDir Path tmp)
      throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("extensions"));
    // Two jars with the same class name: only separate layers let both load.
    buildJar(tmp.resolve("a"), dir.resolve("alpha-ext.jar"), "alpha", "from_alpha");
    buildJar(tmp.resolve("b"), dir.resolve("beta-ext.jar"), "beta", "from_beta");
    Files.writeString(dir.resolve("broken.jar"), "not a jar");
    try (ProxyFixture fx =
        ProxyFixture.start(
            b -> b.extensionsDir(dir).extensions(ExtensionDiscovery.discover(dir)))) {
      fx.post("/v1/chat/completions", "{\"model\":\"m\"}");
      assertEquals(
          "{\"model\":\"m\",\"from_alpha\":true,\"from_beta\":true}",
          new String(fx.openai.take().body(), StandardCharsets.UTF_8));
    }
  }

  private static void buildJar(Path work, Path jar, String id, String field) throws IOException {
    Path src = work.resolve("src/sample/ext/TaggingExtension.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, SOURCE.formatted(id, field));
    Path classes = Files.createDirectories(work.resolve("classes"));
    String api =
        Path.of(
                PipelineExtension.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .getPath())
            .toString();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc =
        javac.run(
            null,
            null,
            null,
            "--release",
            "17",
            "-cp",
            api,
            "-d",
            classes.toString(),
            src.toString());
    assertEquals(0, rc, "sample extension compiles");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("META-INF/services/dev.headroom.api.PipelineExtension"));
      out.write("sample.ext.TaggingExtension\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      out.putNextEntry(new JarEntry("sample/ext/TaggingExtension.class"));
      try (OutputStream entry =
          new FilterOutputStream(out) {
            @Override
            public void close() {
              // keep the jar stream open
            }
          }) {
        Files.copy(classes.resolve("sample/ext/TaggingExtension.class"), entry);
      }
      out.closeEntry();
    }
    assertTrue(Files.size(jar) > 0);
  }
}
