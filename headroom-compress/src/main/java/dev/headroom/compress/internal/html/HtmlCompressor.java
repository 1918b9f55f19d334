package dev.headroom.compress.internal.html;

import dev.headroom.compress.internal.spi.Candidate;
import dev.headroom.compress.internal.spi.ContentCompressor;
import dev.headroom.compress.internal.spi.Input;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * HTML: the main text, extracted with jsoup. Scripts, styles, SVG, navigation, headers, footers,
 * forms and asides go; the article (or {@code main}, or the body) is written one block per line,
 * headings marked with {@code #}, preformatted text kept as it is. The page itself is stored.
 */
public final class HtmlCompressor implements ContentCompressor {

  /** Noise by tag name; {@link #NOISE} is the same rule as a query. */
  private static final Set<String> NOISE_TAGS = Set.of(
      "script", "style", "noscript", "svg", "nav", "header", "footer", "aside", "form", "iframe", "template", "button");
  /** Noise by attribute, whatever the tag. */
  private static final String NOISE_ATTRIBUTE_QUERY = "[role=navigation],[aria-hidden=true]";
  private static final Evaluator NOISE_ATTRIBUTES = QueryParser.parse(NOISE_ATTRIBUTE_QUERY);
  static final Evaluator NOISE = QueryParser.parse(String.join(",", NOISE_TAGS) + "," + NOISE_ATTRIBUTE_QUERY);
  private static final Evaluator[] ROOTS = {
    QueryParser.parse("main article"), QueryParser.parse("article"), QueryParser.parse("main"), QueryParser.parse("[role=main]")
  };
  /** Blocks by tag name, as the query {@code h1,h2,…} matches them ({@code Element.nameIs}). */
  static final Set<String> BLOCK_TAGS = Set.of(
      "h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre", "blockquote", "dt", "dd", "tr", "figcaption", "caption");

  /**
   * {@link #NOISE}, by a set lookup for the tag names (a query tries its fourteen parts one by one on
   * every element of the page) and the query for the attribute rules on elements that have attributes.
   */
  static boolean matchesNoise(Element root, Element e) {
    return NOISE_TAGS.contains(e.normalName()) || e.attributesSize() > 0 && NOISE_ATTRIBUTES.matches(root, e);
  }

  static boolean matchesBlock(Element e) {
    return BLOCK_TAGS.contains(e.normalName());
  }

  @Override
  public Optional<Candidate> compress(Input input) {
    Document doc = Jsoup.parse(input.text());
    Page page = new Page(doc);
    Element root = page.root(doc);
    StringBuilder out = new StringBuilder();
    String title = doc.title();
    if (!title.isBlank()) {
      out.append("# ").append(title.strip()).append('\n');
    }
    boolean[] anyBlock = {false};
    if (matchesBlock(root)) {
      anyBlock[0] = true;
      page.append(root, out);
    } else {
      // The outermost blocks in document order: a nested block's text is part of the enclosing one's.
      NodeTraversor.filter(new NodeFilter() {
        @Override
        public FilterResult head(Node node, int depth) {
          if (!(node instanceof Element e)) {
            return FilterResult.CONTINUE;
          }
          if (page.isNoise(e)) {
            return FilterResult.SKIP_ENTIRELY;
          }
          if (matchesBlock(e)) {
            anyBlock[0] = true;
            page.append(e, out);
            return FilterResult.SKIP_ENTIRELY;
          }
          return FilterResult.CONTINUE;
        }
      }, root);
    }
    if (!anyBlock[0]) {
      out.append(page.withoutNoise(root).text()).append('\n');
    }
    out.append(input.sink().drop(input.text(), "HTML page, main text extracted"));
    return Optional.of(new Candidate(out.toString(), "html"));
  }

  /**
   * A parsed page read as if its noise elements were removed, without removing them: jsoup removes
   * an element by shifting and renumbering its later siblings, which on a page of many inline
   * scripts was a seventh of the whole call. Only a block that holds noise is copied and cleaned.
   */
  private static final class Page {
    private final Set<Element> noise = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Every element with a noise element somewhere below it. */
    private final Set<Element> holdingNoise = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The first element of each root query that is not inside noise, or null. */
    private final Element[] roots = new Element[ROOTS.length];

    /** One pass over the page finds the noise elements and the candidates for the root. */
    Page(Document doc) {
      NodeTraversor.traverse((node, depth) -> {
        if (!(node instanceof Element e)) {
          return;
        }
        if (matchesNoise(doc, e)) {
          noise.add(e);
          // Up to the first ancestor already marked, whose own ancestors are marked too.
          Element p = e.parent();
          while (p != null && holdingNoise.add(p)) {
            p = p.parent();
          }
        }
        // Each root query names article or main, or an attribute.
        boolean mayBeRoot = e.attributesSize() > 0 || e.nameIs("article") || e.nameIs("main");
        for (int q = 0; mayBeRoot && q < ROOTS.length && roots[0] == null; q++) {
          if (roots[q] == null && ROOTS[q].matches(doc, e) && !insideNoise(e)) {
            roots[q] = e;
          }
        }
      }, doc);
    }

    boolean isNoise(Element e) {
      return noise.contains(e);
    }

    /** The article (or main, or the body). */
    Element root(Document doc) {
      for (Element e : roots) {
        if (e != null) {
          return e;
        }
      }
      return doc.body();
    }

    /** Ancestors come before their descendants in the pass, so their noise is known by then. */
    private boolean insideNoise(Element e) {
      for (Element p = e; p != null; p = p.parent()) {
        if (noise.contains(p)) {
          return true;
        }
      }
      return false;
    }

    /** The element itself, or when noise is inside it a copy with the noise removed. */
    Element withoutNoise(Element e) {
      if (!holdingNoise.contains(e)) {
        return e;
      }
      Element copy = e.clone();
      copy.select(NOISE).remove();
      return copy;
    }

    /**
     * One line for a block: its text (as is for {@code pre}), headings marked with {@code #}, items
     * with {@code -}.
     */
    void append(Element block, StringBuilder out) {
      Element clean = withoutNoise(block);
      String name = block.normalName();
      String text = name.equals("pre") ? clean.wholeText() : clean.text();
      if (text.isBlank()) {
        return;
      }
      if (name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1))) {
        out.append("#".repeat(name.charAt(1) - '0')).append(' ');
      } else if (name.equals("li")) {
        out.append("- ");
      }
      out.append(text.strip()).append('\n');
    }
  }
}
