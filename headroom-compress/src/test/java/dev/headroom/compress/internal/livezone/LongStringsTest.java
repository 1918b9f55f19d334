package dev.headroom.compress.internal.livezone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The scan with long strings left out of Jackson's reading ({@link LongStrings}) finds what the
 * scan with Jackson reading everything finds, and refuses what it refuses.
 */
class LongStringsTest {

  @Property(tries = 3000)
  void theScanFindsWhatJacksonAloneFinds(
      @ForAll("bodies") String text,
      @ForAll boolean captureArrays,
      @ForAll @IntRange(min = 0, max = 300) int longerThan,
      @ForAll @IntRange(min = -1, max = 2000) int cut) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    if (cut >= 0 && cut < body.length) {
      body = Arrays.copyOf(body, cut); // malformed: cut short
    }
    Optional<BodyScan> alone = BodyScan.of(body, "messages", captureArrays, Integer.MAX_VALUE);
    Optional<BodyScan> skipping = BodyScan.of(body, "messages", captureArrays, longerThan);
    assertEquals(alone.isPresent(), skipping.isPresent(), () -> "refused alike: " + text);
    if (alone.isPresent()) {
      assertEquals(describe(alone.get().strings), describe(skipping.get().strings), text);
      assertEquals(describe(alone.get().arrays), describe(skipping.get().arrays), text);
      assertEquals(alone.get().topLevel, skipping.get().topLevel, text);
    }
  }

  /**
   * Long strings of UTF-8 are left out of Jackson's reading only when well formed: a body whose
   * bytes are not (a byte of a sequence replaced, a sequence cut) is refused, or read, exactly as
   * Jackson alone refuses or reads it.
   */
  @Property(tries = 3000)
  void aBodyWithIllFormedUtf8IsReadAsJacksonAloneReadsIt(
      @ForAll("bodies") String text,
      @ForAll boolean captureArrays,
      @ForAll @IntRange(min = 0, max = 300) int longerThan,
      @ForAll @IntRange(min = 0, max = 2000) int at,
      @ForAll("utf8Breakers") byte with) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    // Mostly onto a non-ASCII byte, where a well-formed sequence becomes an ill-formed one.
    int target = at % Math.max(1, body.length);
    for (int i = target; i < body.length; i++) {
      if (body[i] < 0) {
        target = i;
        break;
      }
    }
    if (target < body.length) {
      body[target] = with;
    }
    byte[] judged = body;
    Optional<BodyScan> alone = BodyScan.of(judged, "messages", captureArrays, Integer.MAX_VALUE);
    Optional<BodyScan> skipping = BodyScan.of(judged, "messages", captureArrays, longerThan);
    assertEquals(alone.isPresent(), skipping.isPresent(), () -> "refused alike: " + text);
    if (alone.isPresent()) {
      assertEquals(describe(alone.get().strings), describe(skipping.get().strings), text);
      assertEquals(alone.get().topLevel, skipping.get().topLevel, text);
    }
    assertEquals(
        DefaultLiveZoneRewriter.isJson(judged, Integer.MAX_VALUE),
        DefaultLiveZoneRewriter.isJson(judged, longerThan),
        text);
  }

  @Provide
  Arbitrary<Byte> utf8Breakers() {
    return Arbitraries.of(
        (byte) 0x80,
        (byte) 0xBF,
        (byte) 0xC0,
        (byte) 0xC3,
        (byte) 0xE0,
        (byte) 0xED,
        (byte) 0xF0,
        (byte) 0xF4,
        (byte) 0xF5,
        (byte) 0xFF,
        (byte) 'a',
        (byte) 0x01);
  }

  @Property(tries = 2000)
  void aRewrittenBodyIsJudgedValidAsJacksonAloneJudgesIt(
      @ForAll("bodies") String text,
      @ForAll @IntRange(min = 0, max = 300) int longerThan,
      @ForAll @IntRange(min = -1, max = 2000) int cut,
      @ForAll @IntRange(min = -1, max = 2000) int garbled) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    if (cut >= 0 && cut < body.length) {
      body = Arrays.copyOf(body, cut);
    }
    if (garbled >= 0 && garbled < body.length) {
      body[garbled] = (byte) "\"{}[],:x\\".charAt(garbled % 9);
    }
    byte[] judged = body;
    assertEquals(
        DefaultLiveZoneRewriter.isJson(judged, Integer.MAX_VALUE),
        DefaultLiveZoneRewriter.isJson(judged, longerThan),
        () -> new String(judged, StandardCharsets.UTF_8));
  }

  @Test
  void aToolOutputOfEscapedJsonIsLeftOutAndFoundWhereItIs() {
    String output = "[" + "{\\\"id\\\":\\\"ord_1\\\",\\\"ok\\\":true},".repeat(40) + "{}]";
    String text =
        "{\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"content\":\""
            + output
            + "\"}],\"stream\":false}";
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    LongStrings longs = LongStrings.of(body, BodyScan.EAGER_BYTES);
    int start = text.indexOf(output);
    assertTrue(longs.any());
    assertEquals(start + output.length(), longs.closingQuote(start));
    // Jackson reads the opening quote where it is and the closing one right after it.
    assertEquals(start - 1, longs.bodyOffset(start - 1));
    assertEquals(start + output.length(), longs.bodyOffset(start));
    assertEquals(start + output.length() + 1, longs.bodyOffset(start + 1));
    BodyScan scan = BodyScan.of(body, "messages").orElseThrow();
    BodyScan.StringValue content = scan.strings.get(1);
    assertEquals(start - 1, content.start());
    assertEquals(output.replace("\\\"", "\""), content.text());
    assertEquals("false", scan.topLevel.get("stream"));
  }

  @Test
  void aLongStringJacksonWouldRefuseIsReadByJacksonAndTheBodyRefused() {
    String control = "x".repeat(300) + "\u0001";
    String badEscape = "x".repeat(300) + "\\q";
    for (String content : List.of(control, badEscape)) {
      byte[] body =
          ("{\"messages\":[{\"role\":\"tool\",\"content\":\"" + content + "\"}]}")
              .getBytes(StandardCharsets.UTF_8);
      assertTrue(!LongStrings.of(body, 256).any());
      assertTrue(BodyScan.of(body, "messages").isEmpty(), content);
    }
  }

  private static List<String> describe(List<BodyScan.StringValue> values) {
    List<String> out = new ArrayList<>();
    for (BodyScan.StringValue v : values) {
      out.add(
          v.describe() + "@" + v.start() + "-" + v.end() + "=" + v.text() + "/" + v.utf8Length());
    }
    return out;
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> item =
        Arbitraries.oneOf(
            strings().map(s -> "{\"role\":\"tool\",\"content\":" + s + "}"),
            strings()
                .map(
                    s ->
                        "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":" + s + "}]}"),
            strings()
                .map(
                    s ->
                        "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"content\":[{\"a\":"
                            + s
                            + ",\"n\":[1,2.5,null]}]}]}"),
            Arbitraries.just("{\"role\":\"assistant\",\"content\":null,\"n\":-3e2}"),
            strings().map(s -> "{\"role\":\"tool\"," + s + " :{" + s + ":" + s + "}}"));
    Arbitrary<String> messages = item.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
    return Combinators.combine(strings(), messages, strings(), Arbitraries.of("", " ", "\n"))
        .as(
            (system, msgs, model, space) ->
                "{\"model\":"
                    + model
                    + ","
                    + space
                    + "\"system\":"
                    + system
                    + ",\"messages\":"
                    + msgs
                    + ",\"stream\":true,\"temperature\":0.5}");
  }

  /** JSON string tokens, short and long, with escapes and UTF-8, and some Jackson refuses. */
  private Arbitrary<String> strings() {
    Arbitrary<String> piece =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(30, Arbitraries.just("abc ")),
            net.jqwik.api.Tuple.of(10, Arbitraries.just("\\\"")),
            net.jqwik.api.Tuple.of(5, Arbitraries.just("\\\\")),
            net.jqwik.api.Tuple.of(5, Arbitraries.just("\\n")),
            net.jqwik.api.Tuple.of(3, Arbitraries.just("\\u00e9")),
            net.jqwik.api.Tuple.of(2, Arbitraries.just("\\ud83d\\ude00")),
            net.jqwik.api.Tuple.of(2, Arbitraries.just("\\/")),
            net.jqwik.api.Tuple.of(2, Arbitraries.just("é")),
            net.jqwik.api.Tuple.of(1, Arbitraries.just("✓")),
            net.jqwik.api.Tuple.of(1, Arbitraries.just("😀")),
            net.jqwik.api.Tuple.of(1, Arbitraries.just("\u2028")),
            net.jqwik.api.Tuple.of(1, Arbitraries.just("\\x")),
            net.jqwik.api.Tuple.of(1, Arbitraries.just("\\u12")),
            net.jqwik.api.Tuple.of(1, Arbitraries.just("\u0001")),
            net.jqwik.api.Tuple.of(1, Arbitraries.just("\t")),
            net.jqwik.api.Tuple.of(1, Arbitraries.just("\u007f")));
    Arbitrary<String> content =
        Arbitraries.oneOf(
            piece.list().ofMaxSize(4).map(l -> String.join("", l)),
            piece.list().ofMinSize(60).ofMaxSize(160).map(l -> String.join("", l)));
    return content.map(c -> "\"" + c + "\"");
  }
}
