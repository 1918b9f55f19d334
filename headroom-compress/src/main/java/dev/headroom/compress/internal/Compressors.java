package dev.headroom.compress.internal;

import dev.headroom.compress.ContentType;
import dev.headroom.compress.internal.html.HtmlCompressor;
import dev.headroom.compress.internal.json.JsonCompressor;
import dev.headroom.compress.internal.lines.CodeCompressor;
import dev.headroom.compress.internal.lines.DiffCompressor;
import dev.headroom.compress.internal.lines.LogCompressor;
import dev.headroom.compress.internal.lines.SearchCompressor;
import dev.headroom.compress.internal.lines.TableCompressor;
import dev.headroom.compress.internal.prose.TextCompressor;
import dev.headroom.compress.internal.spi.ContentCompressor;
import java.util.Map;
import java.util.Optional;

/** The compressor for each content type. */
final class Compressors {

  private static final ContentCompressor NONE = input -> Optional.empty();

  private Compressors() {}

  static void register(Map<ContentType, ContentCompressor> map) {
    for (ContentType type : ContentType.values()) {
      map.put(type, NONE);
    }
    map.put(ContentType.LOG, new LogCompressor());
    JsonCompressor json = new JsonCompressor();
    map.put(ContentType.JSON_ARRAY, json);
    map.put(ContentType.JSON_OBJECT, json);
    map.put(ContentType.SEARCH, new SearchCompressor());
    map.put(ContentType.TABLE, new TableCompressor());
    map.put(ContentType.DIFF, new DiffCompressor());
    map.put(ContentType.HTML, new HtmlCompressor());
    map.put(ContentType.CODE, new CodeCompressor(new TextCompressor(true)));
    // Prose may hold fenced JSON or logs; those blocks go to the compressors registered above.
    map.put(ContentType.TEXT, new FencedCompressor(Map.copyOf(map), new TextCompressor(false)));
  }
}
