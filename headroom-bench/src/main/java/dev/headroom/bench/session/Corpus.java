package dev.headroom.bench.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The tool outputs of a session: the cases of a corpus directory as {@code
 * shared/corpus/generate.py} writes it ({@code <name>.json}: {@code query}, {@code content}, {@code
 * needles}), in name order.
 */
final class Corpus {

  /** One tool output, the question it answers, and what must survive compression. */
  record Case(String name, String query, String content, List<String> needles) {}

  private Corpus() {}

  /**
   * @param dir the corpus directory
   * @return its cases
   * @throws IOException when it cannot be read
   */
  static List<Case> read(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.filter(p -> p.toString().endsWith(".json"))
              .filter(p -> !p.getFileName().toString().equals("index.json"))
              .sorted()
              .toList();
    }
    List<Case> cases = new ArrayList<>();
    for (Path file : files) {
      JsonNode node = json.readTree(file.toFile());
      List<String> needles = new ArrayList<>();
      node.path("needles").forEach(needle -> needles.add(needle.asText()));
      cases.add(
          new Case(
              node.path("name").asText(),
              node.path("query").asText(),
              node.path("content").asText(),
              needles));
    }
    if (cases.isEmpty()) {
      throw new IOException("no corpus cases in " + dir);
    }
    return cases;
  }
}
