package dev.headroom.compress.internal.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class BlockTextTest {

  /** Written after text that ends in a space, which must not change how the block's text starts. */
  private static final String BEFORE = "# a ";

  @Property(tries = 2000)
  void aPlainElementsTextIsJsoupsAndAnyOtherIsLeftAlone(@ForAll("bodies") String body) {
    Document doc = Jsoup.parse("<html><body>" + body + "</body></html>");
    for (Element e : doc.getAllElements()) {
      for (Element each : new Element[] {e, e.clone()}) {
        StringBuilder out = new StringBuilder(BEFORE);
        if (BlockText.appendPlain(each, out)) {
          assertEquals(BEFORE + each.text(), out.toString(), each.outerHtml());
        } else {
          assertEquals(BEFORE, out.toString(), each.outerHtml());
        }
      }
    }
  }

  @Test
  void aParagraphOfInlineElementsIsPlain() {
    Element p =
        Jsoup.parse(
                "<p> By default <b>at&nbsp;most</b>\n\t<code>384</code> re&shy;quests\u200b are <a href=x>"
                    + "in flight</a>.\u0001 </p>")
            .selectFirst("p");
    StringBuilder out = new StringBuilder();
    assertTrue(BlockText.appendPlain(p, out));
    assertEquals("By default at most 384 requests are in flight.", out.toString());
  }

  @Test
  void anythingJsoupSeparatesOrPreservesIsNotPlain() {
    Document doc =
        Jsoup.parse(
            "<p id=br>a<br>b</p><li id=nested>a<p>b</p></li>"
                + "<table><tr id=row><td>a</td><td>b</td></tr></table><pre><p id=pre>a  b</p></pre>"
                + "<p id=textarea><textarea>a  b</textarea></p>");
    for (String id : new String[] {"br", "nested", "row", "pre", "textarea"}) {
      assertFalse(BlockText.appendPlain(doc.getElementById(id), new StringBuilder()), id);
    }
    assertTrue(BlockText.appendPlain(doc.selectFirst("td"), new StringBuilder()));
  }

  /**
   * Bodies of inline and block elements, table cells, line breaks, preserved and foreign content,
   * around text with every kind of white space jsoup treats apart: space, tab, line feed, form
   * feed, no-break space, zero-width space, soft hyphen, a vertical tab and a control character
   * (neither of them white space to jsoup, both trimmed by {@code String.trim}), and a surrogate
   * pair.
   */
  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.of(
            "<p>",
            "</p>",
            "<li>",
            "<ul>",
            "</ul>",
            "<div>",
            "</div>",
            "<h2>",
            "</h2>",
            "<b>",
            "</b>",
            "<span>",
            "</span>",
            "<code>",
            "</code>",
            "<a href=x>",
            "</a>",
            "<em>",
            "</em>",
            "<br>",
            "<img src=x>",
            "<table><tr><td>",
            "</td><td>",
            "</td></tr></table>",
            "<pre>",
            "</pre>",
            "<textarea>",
            "</textarea>",
            "<svg><![CDATA[ c  d ]]></svg>",
            "<!-- note -->",
            "<button>",
            "</button>",
            "<input>",
            "<select><option>o",
            "text",
            "more  text",
            " ",
            "  ",
            "\t",
            "\n",
            "\f",
            "\r\n",
            "&nbsp;",
            "\u00a0",
            "\u200b",
            "&shy;",
            "\u000b",
            "\u0001",
            "\ud83d\ude00",
            "é")
        .list()
        .ofMaxSize(30)
        .map(parts -> String.join("", parts));
  }
}
