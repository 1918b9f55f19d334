package dev.headroom.compress.internal.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.compress.internal.spi.Inputs;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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

  @Property(tries = 1000)
  void removingAllAtOnceLeavesTheDocumentThatRemovingOneByOneLeaves(@ForAll("pages") String html) {
    String noise = "script,style,nav,aside,button,[aria-hidden=true]";
    Document oneByOne = Jsoup.parse(html);
    oneByOne.select(noise).remove();
    Document atOnce = Jsoup.parse(html);
    HtmlCompressor.removeAll(atOnce.select(noise));
    assertEquals(oneByOne.outerHtml(), atOnce.outerHtml(), html);
    assertEquals(oneByOne.select("p,li,main").eachText(), atOnce.select("p,li,main").eachText(), html);
    for (Element e : atOnce.getAllElements()) {
      for (int i = 0; i < e.childNodeSize(); i++) {
        assertEquals(i, e.childNode(i).siblingIndex(), html);
        assertEquals(e, e.childNode(i).parent(), html);
      }
    }
  }

  /** Pages of nested elements, text and noise: many noise siblings, noise inside noise, noise at the edges. */
  @Provide
  Arbitrary<String> pages() {
    return Arbitraries.of("<p>", "</p>", "<main>", "</main>", "<li>", "<ul>", "</ul>", "<script>x()</script>",
            "<style>.a{}</style>", "<nav>", "</nav>", "<aside>a</aside>", "<button>b</button>", "<span aria-hidden=true>h</span>",
            "text ", "more text", " ", "<div>", "</div>", "<nav><script>y</script></nav>")
        .list().ofMaxSize(40).map(parts -> "<html><body>" + String.join("", parts)
            // and a run of scripts long enough for the rebuild (64 elements or more)
            + "<div>" + "<script>z()</script>t".repeat(70) + "</div>" + "</body></html>");
  }
}
