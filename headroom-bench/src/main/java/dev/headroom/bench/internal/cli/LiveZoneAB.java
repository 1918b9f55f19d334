package dev.headroom.bench.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.bench.proxy.ProxyLoadHarness;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two builds of {@code headroom-compress} in one JVM, each in a class loader of its own, to tell
 * changes of a few percent apart on a host whose speed moves by more than that between runs: calls
 * alternate between the two, and each is timed in thread CPU time.
 *
 * <p>Usage: {@code LiveZoneAB time OLD NEW BODY [seconds]} times {@code LiveZoneRewriter.rewrite}
 * of a chat body (a file, as {@code ProxyLoadHarness.toolOutputBytes} writes them) by each build,
 * the first third of the time as warm-up; {@code LiveZoneAB same OLD NEW CORPUS_DIR…} compresses
 * every corpus case ({@code content} and {@code query} of each JSON file) under its query and four
 * others with both builds and names the ones whose compressed text differs. {@code OLD} and {@code
 * NEW} are a {@code headroom-compress} jar or classes directory (for example the jar from a
 * worktree of the old commit, and {@code headroom-compress/target/classes}); the other jars it
 * needs are taken from this module's {@code target/lib}.
 */
public final class LiveZoneAB {

  /** What {@code headroom-compress} needs besides itself, from {@code target/lib}. */
  private static final List<String> NEEDS =
      List.of("headroom-api-", "jackson-core-", "jsoup-", "jtokkit-", "apiguardian-api-");

  private LiveZoneAB() {}

  /**
   * @param args {@code time OLD NEW BODY [seconds]} or {@code same OLD NEW CORPUS_DIR…}
   * @throws Exception when a build cannot be loaded or a file read
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 4 || !(args[0].equals("time") || args[0].equals("same"))) {
      System.err.println(
          "usage: LiveZoneAB time OLD NEW BODY [seconds] | LiveZoneAB same OLD NEW CORPUS_DIR...");
      System.exit(2);
    }
    Build old = new Build("old", Path.of(args[1]));
    Build current = new Build("new", Path.of(args[2]));
    if (args[0].equals("time")) {
      byte[] body =
          args[3].matches("\\d+")
              ? ProxyLoadHarness.toolOutputBytes(Integer.parseInt(args[3]))
              : Files.readAllBytes(Path.of(args[3]));
      time(old, current, body, args.length > 4 ? args[4] : "30");
    } else {
      same(old, current, Arrays.copyOfRange(args, 3, args.length));
    }
  }

  private static void time(Build old, Build current, byte[] body, String seconds) throws Exception {
    long total = (long) (Double.parseDouble(seconds) * 1e9);
    Build[] builds = {old, current};
    long warmEnd = System.nanoTime() + total / 3;
    while (System.nanoTime() < warmEnd) {
      for (Build build : builds) {
        build.rewrite(body);
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[][] cpu = new long[2][1_000_000];
    int n = 0;
    long end = System.nanoTime() + total * 2 / 3;
    while (System.nanoTime() < end && n < cpu[0].length) {
      // Alternated, and which goes first alternates too.
      for (int k = 0; k < 2; k++) {
        int b = (n + k) % 2;
        long start = threads.getCurrentThreadCpuTime();
        builds[b].rewrite(body);
        cpu[b][n] = threads.getCurrentThreadCpuTime() - start;
      }
      n++;
    }
    for (int b = 0; b < 2; b++) {
      long[] times = Arrays.copyOf(cpu[b], n);
      Arrays.sort(times);
      System.out.printf(
          "%s: median %,.0f µs, p10 %,.0f, p90 %,.0f (CPU, %d calls)%n",
          builds[b].name, times[n / 2] / 1e3, times[n / 10] / 1e3, times[n * 9 / 10] / 1e3, n);
    }
  }

  private static void same(Build old, Build current, String[] dirs) throws Exception {
    ObjectMapper json = new ObjectMapper();
    int cases = 0;
    int differ = 0;
    for (String dir : dirs) {
      File[] files = new File(dir).listFiles((d, name) -> name.endsWith(".json"));
      if (files == null) {
        throw new IOException("not a directory: " + dir);
      }
      Arrays.sort(files);
      for (File file : files) {
        JsonNode node = json.readTree(file);
        if (!node.has("content")) {
          continue; // an index, not a case
        }
        String content = node.get("content").asText();
        for (String query :
            List.of(
                node.path("query").asText(""),
                "",
                "which orders failed?",
                "error timeout",
                "pod crash")) {
          cases++;
          if (!old.compress(content, query).equals(current.compress(content, query))) {
            differ++;
            System.out.println("differs: " + file.getName() + " under '" + query + "'");
          }
        }
      }
    }
    System.out.println(cases + " cases, " + differ + " differ");
    if (differ > 0) {
      System.exit(1);
    }
  }

  /** One build, reached by reflection through its own class loader. */
  private static final class Build {
    private final String name;
    private final Object rewriter;
    private final Method rewrite;
    private final Object chat;
    private final Object defaults;
    private final Object compressor;
    private final Method compress;
    private final Method ofQuery;
    private final Method text;

    Build(String name, Path compressJarOrClasses) throws Exception {
      this.name = name;
      List<URL> urls = new ArrayList<>();
      urls.add(compressJarOrClasses.toUri().toURL());
      File[] lib = new File("headroom-bench/target/lib").listFiles();
      if (lib == null) {
        throw new IOException("run from the repository root after building headroom-bench");
      }
      for (String needed : NEEDS) {
        for (File jar : lib) {
          if (jar.getName().startsWith(needed)) {
            urls.add(jar.toURI().toURL());
          }
        }
      }
      ClassLoader loader =
          new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
      Class<?> options = loader.loadClass("dev.headroom.compress.CompressOptions");
      Class<?> compressorType = loader.loadClass("dev.headroom.compress.Compressor");
      Class<?> zoneOptions = loader.loadClass("dev.headroom.compress.LiveZoneOptions");
      Class<?> zone = loader.loadClass("dev.headroom.compress.LiveZoneRewriter");
      Class<?> api = loader.loadClass("dev.headroom.compress.ProviderApi");
      Class<?> context = loader.loadClass("dev.headroom.compress.CompressContext");
      compressor =
          compressorType
              .getMethod("create", options)
              .invoke(null, options.getMethod("defaults").invoke(null));
      Object zoneDefaults = zoneOptions.getMethod("defaults").invoke(null);
      Object generous =
          zoneOptions
              .getMethod("withRequestBudget", Duration.class)
              .invoke(zoneDefaults, Duration.ofSeconds(1));
      rewriter =
          zone.getMethod("create", compressorType, zoneOptions).invoke(null, compressor, generous);
      rewrite = zone.getMethod("rewrite", byte[].class, api, context);
      chat = api.getField("CHAT_COMPLETIONS").get(null);
      defaults = context.getMethod("defaults").invoke(null);
      compress = compressorType.getMethod("compress", String.class, context);
      ofQuery = context.getMethod("ofQuery", String.class);
      text = loader.loadClass("dev.headroom.compress.CompressionResult").getMethod("text");
    }

    void rewrite(byte[] body) throws Exception {
      rewrite.invoke(rewriter, body, chat, defaults);
    }

    String compress(String content, String query) throws Exception {
      return (String)
          text.invoke(compress.invoke(compressor, content, ofQuery.invoke(null, query)));
    }
  }
}
