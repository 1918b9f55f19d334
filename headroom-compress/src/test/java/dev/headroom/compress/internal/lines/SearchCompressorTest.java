package dev.headroom.compress.internal.lines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.compress.internal.spi.Inputs;
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
}
