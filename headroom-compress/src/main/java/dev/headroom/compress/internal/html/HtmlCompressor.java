package dev.headroom.compress.internal.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.internal.spi.Candidate;
import dev.headroom.compress.internal.spi.ContentCompressor;
import dev.headroom.compress.internal.spi.Input;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
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
@API(status = INTERNAL, since = "0.1")
public final class HtmlCompressor implements ContentCompressor {

  /** Noise by tag name; {@link Queries#NOISE} is the same rule as a query. */
  private static final Set<String> NOISE_TAGS =
      Set.of(
          "script",
          "style",
          "noscript",
          "svg",
          "nav",
          "header",
          "footer",
          "aside",
          "form",
          "iframe",
          "template",
          "button");

  /** Noise by attribute, whatever the tag. */
  private static final String NOISE_ATTRIBUTE_QUERY = "[role=navigation],[aria-hidden=true]";

  /**
   * The compiled queries, in a class of their own so that they are compiled when a page is first
   * compressed (or at warm-up), not on the gateway's start path when the compressors are
   * registered.
   */
  static final class Queries {
    private static final Evaluator NOISE_ATTRIBUTES = QueryParser.parse(NOISE_ATTRIBUTE_QUERY);
    static final Evaluator NOISE =
        QueryParser.parse(String.join(",", NOISE_TAGS) + "," + NOISE_ATTRIBUTE_QUERY);
    private static final Evaluator[] ROOTS = {
      QueryParser.parse("main article"),
      QueryParser.parse("article"),
      QueryParser.parse("main"),
      QueryParser.parse("[role=main]")
    };

    private Queries() {}
  }

  /** Blocks by tag name, as the query {@code h1,h2,…} matches them ({@code Element.nameIs}). */
  static final Set<String> BLOCK_TAGS =
      Set.of(
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "p",
          "li",
          "pre",
          "blockquote",
          "dt",
          "dd",
          "tr",
          "figcaption",
          "caption");

  /**
   * {@link Queries#NOISE}, by a set lookup for the tag names (a query tries its fourteen parts one
   * by one on every element of the page) and the query for the attribute rules on elements that
   * have attributes.
   */
  static boolean matchesNoise(Element root, Element e) {
    return NOISE_TAGS.contains(e.normalName())
        || e.attributesSize() > 0 && Queries.NOISE_ATTRIBUTES.matches(root, e);
  }

  static boolean matchesBlock(Element e) {
    return BLOCK_TAGS.contains(e.normalName());
  }

  @Override
  public Optional<Candidate> compress(Input input) {
    Document doc = Jsoup.parse(input.text());
    Page page = new Page(doc);
    StringBuilder out = new StringBuilder();
    String title = doc.title();
    if (!title.isBlank()) {
      out.append("# ").append(title.strip()).append('\n');
    }
    if (!page.appendBlocks(out)) {
      out.append(page.withoutNoise(page.root()).text()).append('\n');
    }
    out.append(input.sink().drop(input.text(), "HTML page, main text extracted"));
    return Optional.of(new Candidate(out.toString(), "html"));
  }

  /**
   * A parsed page read as if its noise elements were removed, without removing them: jsoup removes
   * an element by shifting and renumbering its later siblings, which on a page of many inline
   * scripts was a seventh of the whole call. Only a block that holds noise is copied and cleaned.
   *
   * <p>One pass over the page, skipping noise, finds the noise, the candidates for the root and
   * every block with the number of blocks around it. The root's own blocks, the outermost ones
   * inside it, are then those of its span of that list that sit exactly as deep as the root.
   */
  private static final class Page {
    private static final int BODY = Queries.ROOTS.length;

    /** Every element with a noise element somewhere below it. */
    private final Set<Element> holdingNoise = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The blocks outside noise in document order, and how many blocks enclose each. */
    private final List<Element> blocks = new ArrayList<>();

    private int[] blockDepths = new int[32];

    /** The blocks enclosing the current point of the pass, innermost first. */
    private final ArrayDeque<Element> openBlocks = new ArrayDeque<>();

    /**
     * The first element of each root query outside noise, then the body; for each, its span of
     * {@link #blocks} (from inclusive, to exclusive, or -1 when not visited) and how many blocks
     * enclose it.
     */
    private final Element[] roots = new Element[BODY + 1];

    private final int[] rootFrom = new int[BODY + 1];
    private final int[] rootTo = new int[BODY + 1];
    private final int[] rootDepth = new int[BODY + 1];

    Page(Document doc) {
      roots[BODY] = doc.body();
      Arrays.fill(rootTo, -1);
      NodeTraversor.filter(
          new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
              if (!(node instanceof Element e)) {
                return FilterResult.CONTINUE;
              }
              // The body is read even when it is marked hidden (a page behind a modal dialog): it
              // is the
              // root of last resort, and skipping it would leave nothing but the title.
              if (e != roots[BODY] && matchesNoise(doc, e)) {
                // Up to the first ancestor already marked, whose own ancestors are marked too.
                Element p = e.parent();
                while (p != null && holdingNoise.add(p)) {
                  p = p.parent();
                }
                return FilterResult.SKIP_ENTIRELY;
              }
              if (e == roots[BODY]) {
                enter(BODY);
              }
              // Each root query names article or main, or an attribute.
              boolean mayBeRoot = e.attributesSize() > 0 || e.nameIs("article") || e.nameIs("main");
              for (int q = 0; mayBeRoot && q < BODY && roots[0] == null; q++) {
                if (roots[q] == null && Queries.ROOTS[q].matches(doc, e)) {
                  roots[q] = e;
                  enter(q);
                }
              }
              if (matchesBlock(e)) {
                if (blocks.size() == blockDepths.length) {
                  blockDepths = Arrays.copyOf(blockDepths, blockDepths.length * 2);
                }
                blockDepths[blocks.size()] = openBlocks.size();
                blocks.add(e);
                openBlocks.push(e);
              }
              return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
              if (node instanceof Element) {
                if (node == openBlocks.peek()) {
                  openBlocks.pop();
                }
                for (int r = 0; r <= BODY; r++) {
                  if (node == roots[r]) {
                    rootTo[r] = blocks.size();
                  }
                }
              }
              return FilterResult.CONTINUE;
            }
          },
          doc);
    }

    private void enter(int r) {
      rootFrom[r] = blocks.size();
      rootDepth[r] = openBlocks.size();
    }

    /** The first root found: the article (or main, or the body). */
    private int rootIndex() {
      int r = 0;
      while (roots[r] == null) {
        r++;
      }
      return r;
    }

    Element root() {
      return roots[rootIndex()];
    }

    /**
     * One line for each of the root's outermost blocks (a nested block's text is part of the
     * enclosing one's); false when it has none.
     */
    boolean appendBlocks(StringBuilder out) {
      int r = rootIndex();
      boolean any = false;
      for (int i = rootFrom[r]; i < rootTo[r]; i++) {
        if (blockDepths[i] == rootDepth[r]) {
          any = true;
          append(blocks.get(i), out);
        }
      }
      return any;
    }

    /** The element itself, or when noise is inside it a copy with the noise removed. */
    Element withoutNoise(Element e) {
      if (!holdingNoise.contains(e)) {
        return e;
      }
      Element copy = e.clone();
      copy.select(Queries.NOISE).remove();
      return copy;
    }

    /**
     * One line for a block: its text (as is for {@code pre}) stripped, headings marked with {@code
     * #}, items with {@code -}; nothing for a blank block. The text goes straight into {@code out}
     * ({@link BlockText}) and is stripped there, with no string of its own.
     */
    private void append(Element block, StringBuilder out) {
      Element clean = withoutNoise(block);
      String name = block.normalName();
      int mark = out.length();
      if (name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1))) {
        for (int level = name.charAt(1) - '0'; level > 0; level--) {
          out.append('#');
        }
        out.append(' ');
      } else if (name.equals("li")) {
        out.append("- ");
      }
      int textStart = out.length();
      if (name.equals("pre")) {
        out.append(clean.wholeText());
      } else if (!BlockText.appendPlain(clean, out)) {
        out.append(clean.text());
      }
      // The text stripped, as String.strip does; a blank one takes its mark with it.
      int from = textStart;
      int end = out.length();
      while (from < end && Character.isWhitespace(out.codePointAt(from))) {
        from += Character.charCount(out.codePointAt(from));
      }
      while (end > from && Character.isWhitespace(Character.codePointBefore(out, end))) {
        end -= Character.charCount(Character.codePointBefore(out, end));
      }
      if (from == end) {
        out.setLength(mark);
        return;
      }
      out.setLength(end);
      out.delete(textStart, from);
      out.append('\n');
    }
  }
}
