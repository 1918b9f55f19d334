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
    String html =
        "<!doctype html><html><head><title>Limits</title><style>.a{color:red}</style>"
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
  void theTextIsWhatRemovingTheNoiseFirstWouldLeave(@ForAll("pages") String html) {
    String out = new HtmlCompressor().compress(Inputs.of(html, "", 100)).orElseThrow().text();
    assertEquals(removingNoiseFirst(html), out.substring(0, out.indexOf("<<ccr:")), html);
  }

  @Property(tries = 300)
  void theNameChecksAreTheQueries(@ForAll("pages") String html) {
    Document doc =
        Jsoup.parse(html.replace("<span aria-hidden=true>", "<span role=NAVIGATION class=x>"));
    var blocks =
        org.jsoup.select.QueryParser.parse(
            "h1,h2,h3,h4,h5,h6,p,li,pre,blockquote,dt,dd,tr,figcaption,caption");
    var noise =
        org.jsoup.select.QueryParser.parse(
            "script,style,noscript,svg,nav,header,footer,aside,form,iframe,"
                + "template,button,[role=navigation],[aria-hidden=true]");
    for (Element e : doc.getAllElements()) {
      assertEquals(blocks.matches(doc, e), HtmlCompressor.matchesBlock(e), e.outerHtml());
      assertEquals(noise.matches(doc, e), HtmlCompressor.matchesNoise(doc, e), e.outerHtml());
      assertEquals(
          noise.matches(doc, e), HtmlCompressor.Queries.NOISE.matches(doc, e), e.outerHtml());
    }
  }

  @Test
  void noiseInsideABlockIsLeftOutOfItsLine() {
    String html =
        "<html><body><main><p>Pool size <script>track()</script><button>copy</button>is <b>384</b>.</p>"
            + "<nav><p>Elsewhere</p></nav><ul><li>Second <span aria-hidden=true>icon</span>item</li></ul></main></body></html>";
    assertEquals("Pool size is 384.\n- Second item\n", removingNoiseFirst(html));
    String out = new HtmlCompressor().compress(Inputs.of(html, "", 100)).orElseThrow().text();
    assertTrue(out.startsWith("Pool size is 384.\n- Second item\n<<ccr:"), out);
  }

  @Test
  void aBodyMarkedHiddenIsStillReadWithoutItsNoise() {
    String html =
        "<html><body aria-hidden=true><nav>Home</nav><h1>Limits</h1><p>At most <b>384</b> requests."
            + "<button>copy</button></p><div role=dialog><p>Accept cookies?</p></div></body></html>";
    String out = new HtmlCompressor().compress(Inputs.of(html, "", 100)).orElseThrow().text();
    assertTrue(out.startsWith("# Limits\nAt most 384 requests.\nAccept cookies?\n<<ccr:"), out);
    // Without blocks, its whole text, still without its noise (the body's copy matches the noise
    // rule
    // itself, and is not removed from under the text).
    String bare =
        "<html><body aria-hidden=true><nav>Home</nav>At most <b>384</b> requests.</body></html>";
    String text = new HtmlCompressor().compress(Inputs.of(bare, "", 100)).orElseThrow().text();
    assertTrue(text.startsWith("At most 384 requests.\n<<ccr:"), text);
  }

  /**
   * The plain reading of the rules: remove every noise element, take the first root there is, then
   * the text of every block that is not inside another one.
   */
  private static String removingNoiseFirst(String html) {
    Document doc = Jsoup.parse(html);
    doc.select(
            "script,style,noscript,svg,nav,header,footer,aside,form,iframe,template,button,[role=navigation],"
                + "[aria-hidden=true]")
        .remove();
    Element root = null;
    for (String q : new String[] {"main article", "article", "main", "[role=main]"}) {
      root = root != null ? root : doc.selectFirst(q);
    }
    root = root != null ? root : doc.body();
    StringBuilder out = new StringBuilder();
    if (!doc.title().isBlank()) {
      out.append("# ").append(doc.title().strip()).append('\n');
    }
    String blocks = "h1,h2,h3,h4,h5,h6,p,li,pre,blockquote,dt,dd,tr,figcaption,caption";
    var all = root.select(blocks);
    for (Element block : all) {
      boolean nested = false;
      for (Element p = block.parent(); p != null && p != root; p = p.parent()) {
        nested |= p.is(blocks);
      }
      String text = block.normalName().equals("pre") ? block.wholeText() : block.text();
      if (nested || text.isBlank()) {
        continue;
      }
      String name = block.normalName();
      out.append(
              name.matches("h[1-6]")
                  ? "#".repeat(name.charAt(1) - '0') + " "
                  : name.equals("li") ? "- " : "")
          .append(text.strip())
          .append('\n');
    }
    if (all.isEmpty()) {
      out.append(root.text()).append('\n');
    }
    return out.toString();
  }

  /**
   * Pages of nested elements, text and noise: noise inside blocks, blocks inside noise and inside
   * blocks, roots inside noise, many noise siblings, a title, pre-formatted text, white space that
   * only {@code String.strip} removes (an em space) and white space jsoup normalises apart.
   */
  @Provide
  Arbitrary<String> pages() {
    return Arbitraries.of(
            "<p>",
            "</p>",
            "<main>",
            "</main>",
            "<article>",
            "</article>",
            "<li>",
            "<ul>",
            "</ul>",
            "<h2>",
            "</h2>",
            "<pre>  a\n b</pre>",
            "<div role=main>",
            "<script>x()</script>",
            "<style>.a{}</style>",
            "<nav>",
            "</nav>",
            "<aside>a</aside>",
            "<button>b</button>",
            "<span aria-hidden=true>h</span>",
            "<form>",
            "</form>",
            "text ",
            "more text",
            " ",
            "<div>",
            "</div>",
            "<nav><script>y</script></nav>",
            "<nav><main>m</main></nav>",
            "<b>bold</b>",
            "<br>",
            "\u2003",
            "&nbsp;",
            "\u200b",
            "<td>cell</td>")
        .list()
        .ofMaxSize(40)
        .map(
            parts ->
                "<html><head><title> T </title></head><body>"
                    + String.join("", parts)
                    + "<div>"
                    + "<script>z()</script>t".repeat(5)
                    + "</div>"
                    + "</body></html>");
  }
}
