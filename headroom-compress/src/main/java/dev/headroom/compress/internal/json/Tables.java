package dev.headroom.compress.internal.json;

import dev.headroom.compress.internal.spi.JNode;
import dev.headroom.compress.internal.spi.JNode.JArray;
import dev.headroom.compress.internal.spi.JNode.JObject;
import dev.headroom.compress.internal.spi.JNode.JString;
import java.util.ArrayList;
import java.util.List;

/**
 * The lossless table form: an array of at least four objects that all have the same keys in the
 * same order becomes {@code {"_columns":[keys],"_rows":[[values]…]}}; a trailing marker string of a
 * row selection moves to {@code "_omitted"}. Applied bottom-up.
 */
final class Tables {

  static final int MIN_ROWS = 4;

  private Tables() {}

  static JNode tabulate(JNode node) {
    if (node instanceof JObject o) {
      List<JNode> values = new ArrayList<>(o.values().size());
      boolean changed = false;
      for (JNode v : o.values()) {
        JNode t = tabulate(v);
        changed |= t != v;
        values.add(t);
      }
      return changed ? new JObject(o.keys(), values) : o;
    }
    if (!(node instanceof JArray a)) {
      return node;
    }
    List<JNode> items = new ArrayList<>(a.items().size());
    boolean changed = false;
    for (JNode v : a.items()) {
      JNode t = tabulate(v);
      changed |= t != v;
      items.add(t);
    }
    JNode marker = null;
    List<JNode> rows = items;
    if (!items.isEmpty()
        && items.get(items.size() - 1) instanceof JString s
        && s.value().startsWith("<<ccr:")) {
      marker = s;
      rows = items.subList(0, items.size() - 1);
    }
    if (rows.size() < MIN_ROWS
        || !(rows.get(0) instanceof JObject first)
        || first.keys().size() < 2) {
      return changed ? new JArray(items) : a;
    }
    for (JNode row : rows) {
      if (!(row instanceof JObject o) || !o.keys().equals(first.keys())) {
        return changed ? new JArray(items) : a;
      }
    }
    List<JNode> columns = new ArrayList<>();
    for (String k : first.keys()) {
      columns.add(new JString(k));
    }
    List<JNode> tableRows = new ArrayList<>(rows.size());
    for (JNode row : rows) {
      tableRows.add(new JArray(((JObject) row).values()));
    }
    List<String> keys = new ArrayList<>(List.of("_columns", "_rows"));
    List<JNode> values = new ArrayList<>(List.of(new JArray(columns), new JArray(tableRows)));
    if (marker != null) {
      keys.add(JsonCompressor.OMITTED);
      values.add(marker);
    }
    return new JObject(keys, values);
  }
}
