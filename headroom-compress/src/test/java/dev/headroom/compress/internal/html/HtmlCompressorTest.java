package dev.headroom.compress.internal.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.compress.internal.spi.Inputs;
import org.junit.jupiter.api.Test;

class HtmlCompressorTest {

  @Test
  void theArticleTextSurvivesAndScriptsStylesAndNavigationGo() {
    String html = "<!doctype html><html><head><title>Limits</title><style>.a{color:red}</style>"
        + "<script>window.analytics=1</script></head><body><nav><a href='/'>Home</a><a href='/x'>Docs</a></nav>"
        + "<main><h2>max_inflight_requests</h2><p>By default at most <code>384</code> requests are in flight per worker.</p>"
        + "<ul><li>Excess requests are rejected with HTTP 429.</li></ul></main>"
        + "<footer>© Acme</footer><script id=\"__NEXT_DATA__\">{\"props\":{}}</script></body></html>";
    String out = new HtmlCompressor().compress(Inputs.of(html, "", 100)).orElseThrow().text();
    assertTrue(out.contains("## max_inflight_requests\n"), out);
    assertTrue(out.contains("By default at most 384 requests are in flight per worker."), out);
    assertTrue(out.contains("- Excess requests are rejected with HTTP 429."), out);
    assertFalse(out.contains("analytics"));
    assertFalse(out.contains("Home"));
    assertFalse(out.contains("__NEXT_DATA__"));
    assertTrue(out.contains("<<ccr:"));
  }
}
