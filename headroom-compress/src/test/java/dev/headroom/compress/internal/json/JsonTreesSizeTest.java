package dev.headroom.compress.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.compress.internal.spi.JNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class JsonTreesSizeTest {

  @Property(tries = 300)
  void sizeAtLeastAgreesWithTheFullSize(
      @ForAll("documents") String json, @ForAll @IntRange(min = 1, max = 3000) int limit) {
    JNode node = JsonTrees.parse(json).orElseThrow();
    assertEquals(
        JsonTrees.size(node) >= limit, JsonTrees.sizeAtLeast(node, limit), json + " / " + limit);
  }

  @Property(tries = 300)
  void oneWalkGivesTheTextLengthAndTheSize(@ForAll("documents") String json) {
    JNode node = JsonTrees.parse(json).orElseThrow();
    StringBuilder text = new StringBuilder();
    Leaves.text(node, text);
    long both = Leaves.textLengthAndSize(node);
    assertEquals(text.length(), (int) (both >>> 32), json);
    assertEquals(JsonTrees.size(node), (int) both, json);
    assertEquals(text.length(), Leaves.textLength(node), json);
  }

  @Provide
  Arbitrary<String> documents() {
    Arbitrary<String> leaf =
        Arbitraries.oneOf(
            Arbitraries.of("1.50", "null", "true", "-3"),
            Arbitraries.strings().alpha().ofMaxLength(30).map(w -> "\"" + w + "\""));
    return Arbitraries.recursive(
        () -> leaf,
        inner ->
            Arbitraries.oneOf(
                inner.list().ofMaxSize(12).map(l -> "[" + String.join(",", l) + "]"),
                inner
                    .list()
                    .ofMaxSize(8)
                    .map(
                        l -> {
                          StringBuilder b = new StringBuilder("{");
                          for (int i = 0; i < l.size(); i++) {
                            b.append(i == 0 ? "" : ",")
                                .append("\"k")
                                .append(i)
                                .append("\":")
                                .append(l.get(i));
                          }
                          return b.append('}').toString();
                        })),
        4);
  }
}
