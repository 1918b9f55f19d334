package dev.headroom.compress.internal.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.compress.TokenCounter;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TokenGateTest {

  @Property(tries = 300)
  void acceptsExactlyWhenTheCandidateHasFewerTokensAndReportsFewerTokens(
      @ForAll("texts") String original,
      @ForAll("texts") String candidate,
      @ForAll("models") String model) {
    TokenCounter counter = TokenCounter.forModel(model);
    Optional<TokenGate.Verdict> verdict = TokenGate.judge(counter, original, candidate);
    assertEquals(
        counter.count(candidate) < counter.count(original),
        verdict.isPresent(),
        original + " → " + candidate);
    verdict.ifPresent(v -> assertTrue(v.compressed() < v.original(), v.toString()));
  }

  @Test
  void
      aMuchSmallerCandidateIsAcceptedWithoutCountingTheOriginalWhoseNumberIsThenMarkedAsAnEstimate() {
    String rows =
        "{\"id\": \"ch_100001\", \"amount\": 1234.50, \"status\": \"succeeded\"}\n".repeat(200);
    String candidate = "[{\"id\": \"ch_100001\"}]";
    TokenCounter counter = TokenCounter.forModel("gpt-4o");
    TokenGate.Verdict v = TokenGate.judge(counter, rows, candidate).orElseThrow();
    assertFalse(v.exact());
    assertEquals(counter.count(candidate), v.compressed());
    assertTrue(v.compressed() < v.original(), v.toString());
  }

  @Test
  void aCandidateAsLargeAsTheOriginalIsRejectedAfterExactCounts() {
    String text = "alpha beta gamma delta 12345 ".repeat(40);
    assertTrue(TokenGate.judge(TokenCounter.forModel("gpt-4o"), text, text).isEmpty());
    assertTrue(
        TokenGate.judge(TokenCounter.forModel("claude-sonnet-4-5"), text, text + "x").isEmpty());
  }

  @Provide
  Arbitrary<String> models() {
    return Arbitraries.of("gpt-4o", "gpt-4", "claude-sonnet-4-5");
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
            Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(12),
            Arbitraries.strings().withCharRange('0', '9').ofMaxLength(10),
            Arbitraries.of(
                " ",
                "\n",
                "  ",
                "\": \"",
                ", ",
                "{",
                "}",
                "'s",
                "ERROR",
                "支付",
                "é",
                "<<ccr:3f9a 12 rows omitted>>"))
        .list()
        .ofMaxSize(60)
        .map(l -> String.join("", l));
  }
}
