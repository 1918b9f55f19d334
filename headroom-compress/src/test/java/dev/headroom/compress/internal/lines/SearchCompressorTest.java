package dev.headroom.compress.internal.lines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.compress.internal.spi.Inputs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchCompressorTest {

  private static String hits() {
    StringBuilder b = new StringBuilder();
    for (int f = 0; f < 30; f++) {
      for (int l = 1; l <= 8; l++) {
        b.append("src/components/Widget")
            .append(f)
            .append(".tsx:")
            .append(l * 10)
            .append(":  const value")
            .append(l)
            .append(" = useFeatureFlag('other.flag');\n");
      }
    }
    b.append(
        "src/features/checkout/WalletPicker.tsx:88:  const enabled = useFeatureFlag('checkout.v2.wallets');\n");
    b.append("dist/bundle.min.js:1:")
        .append("var a=1;".repeat(400))
        .append("checkout.v2.wallets\n");
    return b.toString();
  }

  @Test
  void theAnsweringHitIsKeptAndTheRestCountedPerFile() {
    String in = hits();
    String out =
        new SearchCompressor()
            .compress(
                Inputs.of(in, "Where do we read the `checkout.v2.wallets` feature flag?", 300))
            .orElseThrow()
            .text();
    assertTrue(
        out.contains(
            "src/features/checkout/WalletPicker.tsx:88:  const enabled = useFeatureFlag('checkout.v2.wallets');\n"));
    assertTrue(out.contains(" lines in src/components/Widget"), out);
    assertFalse(out.contains("var a=1;var a=1;"), "a minified line is never kept whole");
    assertEquals(List.of(), Inputs.foreignLines(in, out));
  }

  @Test
  void pathListingsKeepTheMatchingPath() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      b.append("./src/module").append(i % 20).append("/file").append(i).append(".ts\n");
    }
    b.append("./db/migrations/20240611093015_add_refund_reason_to_payments.sql\n");
    b.append("./db/migrations/20240611093016_add_refund_reason_to_refunds.sql\n");
    String in = b.toString();
    String out =
        new SearchCompressor()
            .compress(
                Inputs.of(
                    in,
                    "Where's the migration that adds refund_reason to the payments table?",
                    100))
            .orElseThrow()
            .text();
    assertTrue(out.contains("./db/migrations/20240611093015_add_refund_reason_to_payments.sql\n"));
    assertEquals(List.of(), Inputs.foreignLines(in, out));
  }

  /** A linter's findings, {@code path:line:col: CODE message}: mostly a few kinds of message. */
  private static String lint(String exception) {
    String[] kinds = {
      "E501 Line too long (97 > 88)",
      "W291 Trailing whitespace",
      "I001 Import block is un-sorted or un-formatted",
      "UP006 Use `list` instead of `List` for type annotation"
    };
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 240; i++) {
      b.append("app/")
          .append(i % 2 == 0 ? "billing" : "ledger")
          .append("/module")
          .append(i % 37)
          .append(".py:")
          .append(10 + i)
          .append(':')
          .append(1 + i % 70)
          .append(": ")
          .append(kinds[i % kinds.length])
          .append('\n');
      if (i == 150) {
        b.append(exception).append('\n');
      }
    }
    return b.append("Found 241 errors.\n").toString();
  }

  @Test
  void theOneRareKindOfMessageAmongALintersRepeatedOnesIsKept() {
    String finding = "app/billing/tax.py:88:16: F821 Undefined name `rate`";
    String in = lint(finding);
    String out =
        new SearchCompressor()
            .compress(Inputs.of(in, "Is there anything that would crash at runtime?", 300))
            .orElseThrow()
            .text();
    assertTrue(out.contains(finding + "\n"), out);
    assertTrue(out.length() < in.length() / 4, out);
    assertEquals(List.of(), Inputs.foreignLines(in, out));
  }

  @Test
  void errorsAmongHitsAreKeptWhenTheyAreTheException() {
    // Fifteen of one kind: too many to be a rare kind, few enough to be the exception.
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      errors.add("app/jobs/import_" + i + ".py:12:5: E999 SyntaxError: unexpected indent");
    }
    String in = lint(String.join("\n", errors));
    String out = new SearchCompressor().compress(Inputs.of(in, "", 2_000)).orElseThrow().text();
    for (String error : errors) {
      assertTrue(out.contains(error + "\n"), out);
    }
    assertEquals(List.of(), Inputs.foreignLines(in, out));
  }
}
